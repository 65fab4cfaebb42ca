package clinic.relief.clinic;

/** The owner added a service to the menu (published in the transaction that adds it). */
public record ServiceAdded(String serviceId) {}
