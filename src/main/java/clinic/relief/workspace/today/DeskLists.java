package clinic.relief.workspace.today;

import java.util.List;

/** The front desk's day: who arrives and what waits on the desk. The owner sees the same lists. */
record DeskLists(
        List<Item> arrivals,
        List<Item> unconfirmed,
        List<Item> requests,
        List<Item> intakesMissing,
        List<Item> unpaid,
        List<Item> offersOut) {

    /** One list of open items: its name (a message key under {@code workspace.today.queue.}) and where all of it is. */
    record Queue(String key, List<Item> items, String allHref) {}

    /** The open items, in the order the desk works through them. */
    public List<Queue> queues() {
        return List.of(
                new Queue("requests", requests, "/staff/booking/requests"),
                new Queue("unconfirmed", unconfirmed, "/staff/schedule"),
                new Queue("intakes", intakesMissing, "/staff/schedule"),
                new Queue("offers", offersOut, "/staff/waitlist"),
                new Queue("unpaid", unpaid, "/staff/billing"));
    }
}
