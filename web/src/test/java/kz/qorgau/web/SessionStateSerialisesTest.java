package kz.qorgau.web;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WAR is distributable: a session and a view outlive the node that made them only if the Data Grid can copy
 * them. Every session-, view- or conversation-scoped bean must be Serializable, and so must whatever it holds that is
 * not transient, down to the last field of our own types. Injected beans are the container's (serialisable proxies,
 * and Weld refuses at deployment a passivating bean with a dependency that cannot passivate), so they are not checked
 * here. A field typed by an interface other than a collection, a map or Serializable itself cannot be judged and fails.
 */
class SessionStateSerialisesTest {

    private static final Set<String> PASSIVATING = Set.of("jakarta.enterprise.context.SessionScoped",
            "jakarta.faces.view.ViewScoped", "jakarta.enterprise.context.ConversationScoped", "jakarta.faces.flow.FlowScoped");

    private final List<String> problems = new ArrayList<>();
    private final Set<Type> checked = new HashSet<>();

    @Test
    void theWarIsDistributable() throws Exception {
        assertThat(Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"))).contains("<distributable/>");
    }

    @Test
    void everySessionAndViewScopedBeanSerialisesWithAllItHolds() throws Exception {
        List<Class<?>> beans = passivatingBeans();
        assertThat(beans).as("the scan finds the beans").hasSizeGreaterThan(10);
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
                continue;
            }
            checkFields(bean, bean.getName(), Map.of());
        }
        assertThat(problems).isEmpty();
    }

    private void checkFields(Class<?> type, String path, Map<TypeVariable<?>, Type> bindings) {
        // a library's superclass (PrimeFaces' LazyDataModel) is its authors' to keep serialisable
        for (Class<?> c = type; c != null && isOurs(c); c = c.getSuperclass()) {
            Map<TypeVariable<?>, Type> here = bindingsOf(type, c, bindings);
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() || f.isAnnotationPresent(Inject.class)) {
                    continue;
                }
                check(f.getGenericType(), path + "." + f.getName(), here);
            }
        }
    }

    private void check(Type type, String path, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            check(bound != null ? bound : variable.getBounds()[0], path, bindings);
        } else if (type instanceof WildcardType wildcard) {
            check(wildcard.getUpperBounds()[0], path, bindings);
        } else if (type instanceof GenericArrayType array) {
            check(array.getGenericComponentType(), path + "[]", bindings);
        } else if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            checkClass(raw, path, bindings, parameterized);
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                for (int i = 0; i < arguments.length; i++) {
                    check(arguments[i], path + "<" + i + ">", bindings);
                }
            }
        } else if (type instanceof Class<?> c) {
            checkClass(c, path, bindings, null);
        }
    }

    private void checkClass(Class<?> c, String path, Map<TypeVariable<?>, Type> bindings, ParameterizedType as) {
        if (c.isPrimitive() || c.isEnum()) {
            return;
        }
        if (c.isArray()) {
            check(c.getComponentType(), path + "[]", bindings);
            return;
        }
        boolean collection = Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c);
        if (c.isInterface() && collection) {
            return; // the implementations a bean holds (ArrayList, List.of, HashMap, EnumSet) serialise
        }
        if (isContainerBean(c)) {
            return; // what a field of this type holds is the container's proxy, handed on from an injection
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(path + ": " + c.getName() + " is not Serializable");
            return;
        }
        if (isOurs(c) && !c.isInterface() && checked.add(as != null ? as : c)) {
            Map<TypeVariable<?>, Type> own = new HashMap<>();
            if (as != null) {
                TypeVariable<?>[] variables = c.getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    Type actual = as.getActualTypeArguments()[i];
                    own.put(variables[i], actual instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : actual);
                }
            }
            checkFields(serialForm(c), path, own);
        }
    }

    /** The type variables of {@code declaring}, one of {@code type}'s superclasses, as {@code type} binds them. */
    private static Map<TypeVariable<?>, Type> bindingsOf(Class<?> type, Class<?> declaring, Map<TypeVariable<?>, Type> outer) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>(outer);
        for (Class<?> c = type; c != declaring && c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
                for (int i = 0; i < variables.length; i++) {
                    Type actual = p.getActualTypeArguments()[i];
                    bindings.put(variables[i], actual instanceof TypeVariable<?> v && bindings.containsKey(v) ? bindings.get(v) : actual);
                }
            }
        }
        return bindings;
    }

    /** A class that writes a replacement (a record with an Optional) travels as its nested form that resolves back. */
    private static Class<?> serialForm(Class<?> c) {
        if (Stream.of(c.getDeclaredMethods()).noneMatch(m -> m.getName().equals("writeReplace") && m.getParameterCount() == 0)) {
            return c;
        }
        return Stream.of(c.getDeclaredClasses())
                .filter(n -> Serializable.class.isAssignableFrom(n))
                .filter(n -> Stream.of(n.getDeclaredMethods()).anyMatch(m -> m.getName().equals("readResolve")))
                .findFirst().orElse(c);
    }

    private static final Set<String> CONTAINER_SCOPES = Set.of("jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped", "jakarta.enterprise.context.SessionScoped", "jakarta.ejb.Stateless",
            "jakarta.ejb.Singleton");

    private static boolean isContainerBean(Class<?> c) {
        return Stream.of(c.getAnnotations()).anyMatch(a -> CONTAINER_SCOPES.contains(a.annotationType().getName()));
    }

    private static boolean isOurs(Class<?> c) {
        return c.getName().startsWith("kz.qorgau.");
    }

    private static List<Class<?>> passivatingBeans() throws Exception {
        // the WAR's own classes (target/classes), not the tests'
        Path classes = Path.of(kz.qorgau.web.faces.Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                Class<?> c = Class.forName(name, false, SessionStateSerialisesTest.class.getClassLoader());
                for (Annotation a : c.getDeclaredAnnotations()) {
                    if (PASSIVATING.contains(a.annotationType().getName())) {
                        beans.add(c);
                    }
                }
            }
        }
        return beans;
    }
}
