package clinic.relief.system;

import java.util.List;
import java.util.function.Supplier;

import clinic.relief.shared.RequestRules;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The last rule of every chain, for what no module's {@link RequestRules} named: a request to a path that a controller
 * (or an actuator endpoint) serves is refused and logged, since that controller's module forgot its rule; a request
 * that no controller serves (a static file, or an address that does not exist) passes, and gets its file or the
 * friendly 404 page. Thread-safe; the controllers' paths are collected at the first request that gets this far.
 */
final class UnnamedRequests implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Logger log = LoggerFactory.getLogger(UnnamedRequests.class);
    private static final AuthorizationDecision NO_CONTROLLER = new AuthorizationDecision(true);

    private final Supplier<RequestMatcher> controllers;

    UnnamedRequests(ListableBeanFactory beans) {
        this.controllers = SingletonSupplier.of(() -> controllerPaths(beans));
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        if (!controllers.get().matches(request)) {
            return NO_CONTROLLER;
        }
        log.warn(
                "No module's request rules name {} {}: refused (add a rule to the module's RequestRules)",
                request.getMethod(),
                request.getRequestURI());
        return new Refused();
    }

    private static RequestMatcher controllerPaths(ListableBeanFactory beans) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(RequestMappingInfo::getPatternValues)
                .flatMap(patterns -> patterns.stream())
                .distinct()
                .<RequestMatcher>map(paths::matcher)
                .toList();
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    /** The decision for a controller's path that no module named (tests tell it from a rule's own refusal). */
    static final class Refused extends AuthorizationDecision {

        private static final long serialVersionUID = 1L;

        Refused() {
            super(false);
        }
    }
}
