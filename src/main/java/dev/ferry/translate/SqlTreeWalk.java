package dev.ferry.translate;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every node under a syntax tree's root, in the order it was written (depth first). The tree is
 * made of records, so one generic walk over their components reaches every node, and a new kind of
 * node needs no change here.
 */
public final class SqlTreeWalk {

    private SqlTreeWalk() {
    }

    public static List<SqlNode> nodes(SqlNode root) {
        List<SqlNode> out = new ArrayList<>();
        visit(root, out);
        return out;
    }

    /** The nodes of one kind, in the order they were written. */
    public static <T extends SqlNode> List<T> all(SqlNode root, Class<T> kind) {
        return nodes(root).stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void visit(Object o, List<SqlNode> out) {
        if (o instanceof SqlNode n) {
            out.add(n);
            for (RecordComponent rc : n.getClass().getRecordComponents()) {
                try {
                    visit(rc.getAccessor().invoke(n), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (o instanceof Collection<?> c) {
            c.forEach(x -> visit(x, out));
        }
    }
}
