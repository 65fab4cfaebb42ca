package clinic.relief.system;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Requests with hostile values for one mapped handler: every path variable, request parameter, header, form field
 * (record components of a form object) and JSON field gets a value from {@link HostileValues}; bodies are sometimes
 * malformed JSON, a wrong content type, or multipart without a boundary.
 */
final class HostileRequests {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final List<Class<?>> FRAMEWORK = List.of(
            Model.class,
            Locale.class,
            Authentication.class,
            Principal.class,
            ServletRequest.class,
            ServletResponse.class,
            RedirectAttributes.class,
            Errors.class,
            CsrfToken.class);

    private final HostileValues values;

    HostileRequests(HostileValues values) {
        this.values = values;
    }

    /** One request for {@code handler} mapped at {@code pattern} with {@code method}. */
    AbstractMockHttpServletRequestBuilder<?> build(HttpMethod method, String pattern, HandlerMethod handler) {
        List<String> query = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        String body = null;
        Class<?> bodyType = null;
        boolean upload = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            Class<?> type = parameter.getParameterType();
            String name = name(parameter);
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || FRAMEWORK.stream().anyMatch(f -> f.isAssignableFrom(type))) {
                continue;
            }
            if (parameter.hasParameterAnnotation(RequestHeader.class)) {
                headers.add(name);
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                bodyType = type;
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                upload = true;
            } else if (Map.class.isAssignableFrom(type)) {
                for (String extra : List.of("amount", "note", "value", "x")) {
                    query.add(extra + "=" + values.encoded(extra, String.class));
                }
            } else if (type.isRecord() && !parameter.hasParameterAnnotation(RequestParam.class)) {
                for (RecordComponent component : type.getRecordComponents()) {
                    addParameter(query, component.getName(), component.getType());
                }
            } else if (BeanUtils.isSimpleProperty(type) || List.class.isAssignableFrom(type)) {
                addParameter(query, name, elementType(parameter));
            } else {
                for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                    if (property.getWriteMethod() != null) {
                        addParameter(query, property.getName(), property.getPropertyType());
                    }
                }
            }
        }
        String uri = path(pattern, handler);
        boolean inQuery = method == HttpMethod.GET || bodyType != null || upload || values.pick(List.of(1, 2, 3)) == 1;
        if (inQuery && !query.isEmpty()) {
            uri += "?" + String.join("&", query);
        }
        AbstractMockHttpServletRequestBuilder<?> request = upload
                ? multipart(method, URI.create(uri)).file("file", values.file())
                : request(method, URI.create(uri));
        if (bodyType != null) {
            body(request, bodyType);
        } else if (!inQuery && !query.isEmpty() && !upload) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(String.join("&", query).getBytes(StandardCharsets.UTF_8));
        }
        for (String header : headers) {
            request.header(header, values.pick(List.of("", "   ", "x".repeat(200), "é", values.raw(String.class))));
        }
        if (method != HttpMethod.GET) {
            request.with(csrf());
        }
        return request;
    }

    private void addParameter(List<String> query, String name, Class<?> type) {
        int repeats = values.pick(List.of(0, 1, 1, 1, 2));
        for (int i = 0; i < repeats; i++) {
            query.add(name + "=" + values.encoded(name, type));
        }
    }

    private void body(AbstractMockHttpServletRequestBuilder<?> request, Class<?> type) {
        switch (values.pick(List.of(0, 1, 2, 3, 4, 4, 4, 4))) {
            case 0 ->
                request.contentType(MediaType.APPLICATION_JSON).content(values.pick(List.of("{", "", "[]", "nul")));
            case 1 -> request.contentType(MediaType.TEXT_PLAIN).content("{}");
            case 2 -> request.contentType(MediaType.MULTIPART_FORM_DATA).content("--x\r\n\r\n");
            case 3 ->
                request.contentType("application/json; charset=UTF-8").content(new byte[] {'"', (byte) 0xED, '"'});
            default -> request.contentType(MediaType.APPLICATION_JSON).content(json(type));
        }
    }

    private String json(Class<?> type) {
        if (!type.isRecord()) {
            return "{}";
        }
        StringJoiner fields = new StringJoiner(",", "{", "}");
        for (RecordComponent component : type.getRecordComponents()) {
            if (values.pick(List.of(0, 1, 1, 1)) == 1) {
                fields.add("\"" + component.getName() + "\":" + values.json(component.getType()));
            }
        }
        return fields.toString();
    }

    private String path(String pattern, HandlerMethod handler) {
        Matcher variables = VARIABLE.matcher(pattern.replace("/**", "/x").replace("/*", "/x"));
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            Class<?> type = pathVariableType(handler, variables.group(1));
            String value = values.encoded(variables.group(1), type);
            variables.appendReplacement(path, Matcher.quoteReplacement(value.isEmpty() ? "%20" : value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static Class<?> pathVariableType(HandlerMethod handler, String variable) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            if (parameter.hasParameterAnnotation(PathVariable.class) && variable.equals(name(parameter))) {
                return parameter.getParameterType();
            }
        }
        return String.class;
    }

    private static String name(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        for (String declared : new String[] {
            param == null ? "" : param.name(),
            param == null ? "" : param.value(),
            variable == null ? "" : variable.name(),
            variable == null ? "" : variable.value(),
            header == null ? "" : header.name(),
            header == null ? "" : header.value()
        }) {
            if (!declared.isEmpty()) {
                return declared;
            }
        }
        String discovered = parameter.getParameterName();
        return discovered == null ? "arg" + parameter.getParameterIndex() : discovered;
    }

    private static Class<?> elementType(MethodParameter parameter) {
        if (List.class.isAssignableFrom(parameter.getParameterType())) {
            return parameter.getNestedParameterType() == List.class
                    ? String.class
                    : parameter.nested().getNestedParameterType();
        }
        return parameter.getParameterType();
    }
}
