package clinic.relief.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import clinic.relief.ReliefTest;
import clinic.relief.shared.RequestRules;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default, checked against what is really mapped: every handler method of every request mapping (pages,
 * APIs, the error controller, the API description, the actuator), for each of its paths and methods, must be named by
 * the request rules of its own module (the top-level package of its controller; Spring's and springdoc's belong to
 * {@code system}) and by no other module's; and no chain may send it to the rule for what nobody named. A new
 * controller without a rule fails here.
 */
@ReliefTest
class RequestRulesTests {

    private static final List<HttpMethod> EVERY_METHOD =
            List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?[^}]+}|\\*\\*|\\*");
    private static final AuthorizationDecision UNNAMED_BY_MODULE = new AuthorizationDecision(false);
    private static final Supplier<Authentication> ANONYMOUS = () ->
            new AnonymousAuthenticationToken("walk", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    @Autowired
    ApplicationContext context;

    @Autowired
    List<RequestRules> modules;

    @Autowired
    FilterChainProxy chains;

    @Autowired
    ObjectProvider<HttpSecurity> http;

    /** One path and method that a handler serves, with the module its controller belongs to. */
    record Route(String module, HttpMethod method, String path, String handler) {

        MockHttpServletRequest request() {
            MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
            request.setServletPath(path);
            return request;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + handler + ", module " + module + ")";
        }
    }

    @Test
    void walksEveryKindOfHandler() {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(100);
        assertThat(routes.stream().map(Route::module))
                .contains("booking", "billing", "blog", "portal", "painmap", "outcomes", "system");
        assertThat(routes.stream().map(Route::path))
                .contains(
                        "/staff/booking/00000000-0000-4000-8000-000000000001/reschedule", "/error", "/actuator/health");
    }

    @Test
    void namesEveryHandlerInItsOwnModuleAndNoOther() {
        assertThat(misnamed(routes(), managersByModule())).isEmpty();
    }

    @Test
    void sendsNoHandlerToTheRuleForWhatNobodyNamed() {
        AuthorizationManager<HttpServletRequest> everyModule = manager(modules);
        List<String> failures = new ArrayList<>();
        Set<SecurityFilterChain> used = new HashSet<>();
        for (Route route : routes()) {
            // Once as it comes, once with an API token (the token chain takes /api/** requests that carry one).
            used.add(check(route, route.request(), everyModule, failures));
            MockHttpServletRequest withToken = route.request();
            withToken.addHeader("Authorization", "Bearer rlf_any");
            used.add(check(route, withToken, everyModule, failures));
        }
        assertThat(failures).isEmpty();
        assertThat(used)
                .as("the pain finder's, API tokens', patients' and everyone else's chains")
                .hasSize(4);
    }

    /** Checks the request in the chain that takes it, and returns that chain. */
    private SecurityFilterChain check(
            Route route,
            MockHttpServletRequest request,
            AuthorizationManager<HttpServletRequest> everyModule,
            List<String> failures) {
        SecurityFilterChain chain = chains.getFilterChains().stream()
                .filter(c -> c.matches(request))
                .findFirst()
                .orElseThrow();
        List<AuthorizationFilter> authorisation = authorisationOf(chain);
        if (authorisation.isEmpty()) {
            // A chain without an authorisation filter (the pain finder's API) may only serve what is public.
            if (!everyModule.authorize(ANONYMOUS, request).isGranted()) {
                failures.add(route + ": behind a chain that checks no rules, but not public");
            }
        } else if (authorisation.get(0).getAuthorizationManager().authorize(ANONYMOUS, request)
                instanceof UnnamedRequests.Refused) {
            failures.add(route + ": reaches the rule for what no module named in " + chain);
        }
        return chain;
    }

    @Test
    void catchesAHandlerThatNoModuleOrAnotherModuleNames() {
        List<Route> invented = List.of(
                new Route("workspace", HttpMethod.GET, "/staff/workspace/today", "NewWorkspacePages"),
                new Route("blog", HttpMethod.POST, "/staff/billing/gift-cards", "MisplacedBlogPages"),
                new Route("billing", HttpMethod.GET, "/staff/billing", "BillingPages"));

        assertThat(misnamed(invented, managersByModule()))
                .containsExactly(
                        "GET /staff/workspace/today (NewWorkspacePages, module workspace) is named by []",
                        "POST /staff/billing/gift-cards (MisplacedBlogPages, module blog) is named by [billing]");
    }

    @Test
    void mapsNothingButControllersAndStaticFiles() {
        // The walk reads request mappings; any other kind of handler would be let through unnamed as "no controller".
        List<String> others = new ArrayList<>();
        for (HandlerMapping mapping :
                context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping) {
                continue;
            }
            if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().values().stream()
                        .filter(handler -> !(handler instanceof ResourceHttpRequestHandler))
                        .forEach(handler -> others.add(urls.getClass().getSimpleName() + ": " + handler));
                if (urls.getRootHandler() != null) {
                    others.add(urls.getClass().getSimpleName() + " root: " + urls.getRootHandler());
                }
            } else if (mapping instanceof RouterFunctionMapping functions) {
                if (functions.getRouterFunction() != null) {
                    others.add("router function: " + functions.getRouterFunction());
                }
            } else {
                others.add(mapping.getClass().getName());
            }
        }
        assertThat(others).isEmpty();
    }

    private List<String> misnamed(List<Route> routes, Map<String, AuthorizationManager<HttpServletRequest>> managers) {
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            Set<String> naming = new TreeSet<>();
            managers.forEach((module, manager) -> {
                if (manager.authorize(ANONYMOUS, route.request()) != UNNAMED_BY_MODULE) {
                    naming.add(module);
                }
            });
            if (!naming.equals(Set.of(route.module()))) {
                failures.add(route + " is named by " + naming);
            }
        }
        return failures;
    }

    /** Each module's rules alone, ending in a rule of the test's own, so that "named" does not depend on the app. */
    private Map<String, AuthorizationManager<HttpServletRequest>> managersByModule() {
        Map<String, AuthorizationManager<HttpServletRequest>> managers = new LinkedHashMap<>();
        for (RequestRules rules : modules) {
            String module = moduleOf(rules.getClass());
            assertThat(managers).as("one RequestRules bean per module").doesNotContainKey(module);
            HttpSecurity alone = http.getObject();
            try {
                alone.authorizeHttpRequests(requests -> {
                    rules.declare(requests);
                    requests.anyRequest().access((authentication, request) -> UNNAMED_BY_MODULE);
                });
                managers.put(module, authorisationOf(alone.build()).get(0).getAuthorizationManager());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return managers;
    }

    private AuthorizationManager<HttpServletRequest> manager(List<RequestRules> rules) {
        try {
            HttpSecurity chain = http.getObject();
            new AccessRules(rules, context).authorize(chain);
            return authorisationOf(chain.build()).get(0).getAuthorizationManager();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<AuthorizationFilter> authorisationOf(SecurityFilterChain chain) {
        return chain.getFilters().stream()
                .filter(AuthorizationFilter.class::isInstance)
                .map(AuthorizationFilter.class::cast)
                .toList();
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        Collection<RequestMappingInfoHandlerMapping> mappings =
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                HandlerMethod handler = entry.getValue();
                Set<HttpMethod> methods = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
                if (methods.isEmpty()) {
                    methods.addAll(EVERY_METHOD);
                }
                for (String pattern : info.getPatternValues()) {
                    String path = VARIABLE.matcher(pattern).replaceAll("00000000-0000-4000-8000-000000000001");
                    for (HttpMethod method : methods) {
                        routes.add(new Route(
                                moduleOf(handler.getBeanType()),
                                method,
                                path,
                                handler.getBeanType().getSimpleName() + "."
                                        + handler.getMethod().getName()));
                    }
                }
            }
        }
        return routes;
    }

    /** The module of a class: the package under clinic.relief; Spring's and libraries' handlers are system's. */
    private static String moduleOf(Class<?> type) {
        String name = type.getName();
        String base = "clinic.relief.";
        return name.startsWith(base) ? name.substring(base.length()).split("\\.")[0] : "system";
    }
}
