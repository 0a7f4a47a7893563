package io.parley.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The REST routes a service's own controllers map, read from the running context: what an authorization matrix and
 * a hostile-input suite must cover. A new endpoint appears here without anyone listing it.
 */
public final class ServiceRoutes {

    /** One method and path pattern, whether it reads a JSON body, and the names of its query parameters. */
    public record Route(String method, String path, boolean takesBody, List<String> queryParameters) {

        /** {@code "METHOD /path/{var}"}. */
        public String key() {
            return method + " " + path;
        }

        /** The path's {@code {variables}}, in order. */
        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', open + 1)) {
                names.add(path.substring(open + 1, path.indexOf('}', open)));
            }
            return names;
        }
    }

    private ServiceRoutes() {
    }

    /** {@code "METHOD /path"} of controllers in {@code io.parley} packages, sorted; library endpoints excluded. */
    public static List<String> of(ApplicationContext context) {
        return routes(context).stream().map(Route::key).distinct().toList();
    }

    /** The routes of controllers in {@code io.parley} packages, sorted by key. */
    public static List<Route> routes(ApplicationContext context) {
        TreeSet<Route> routes = new TreeSet<>(Comparator.comparing(Route::key));
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getPackageName().startsWith("io.parley.")) {
                        add(routes, info, handler);
                    }
                }));
        return List.copyOf(routes);
    }

    private static void add(TreeSet<Route> routes, RequestMappingInfo info, HandlerMethod handler) {
        boolean takesBody = false;
        List<String> query = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            takesBody |= parameter.hasParameterAnnotation(RequestBody.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                query.add(name);
            }
        }
        for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
            for (var method : info.getMethodsCondition().getMethods()) {
                routes.add(new Route(method.name(), pattern.getPatternString(), takesBody, List.copyOf(query)));
            }
        }
    }
}
