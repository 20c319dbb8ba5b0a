package dev.ferry.translate;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Test help for syntax trees: compare them without their spans, list their nodes. */
final class SqlTrees {

    private SqlTrees() {
    }

    /** The tree with every span replaced by {@link SqlSpan#NONE}, so trees compare by content. */
    @SuppressWarnings("unchecked")
    static <T> T withoutSpans(T node) {
        return (T) strip(node);
    }

    private static Object strip(Object value) {
        if (value instanceof SqlSpan) {
            return SqlSpan.NONE;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(strip(item));
            }
            return List.copyOf(out);
        }
        if (value == null || !value.getClass().isRecord()) {
            return value;
        }
        try {
            RecordComponent[] components = value.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = strip(components[i].getAccessor().invoke(value));
                types[i] = components[i].getType();
            }
            Constructor<?> c = value.getClass().getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every node of the tree, the root first, parents before children. */
    static List<SqlNode> nodes(SqlNode root) {
        List<SqlNode> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Object value, List<SqlNode> out) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                collect(item, out);
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        if (value instanceof SqlNode node) {
            out.add(node);
        }
        try {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collect(component.getAccessor().invoke(value), out);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
