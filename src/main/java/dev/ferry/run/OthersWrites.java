package dev.ferry.run;

import dev.ferry.FerryException;
import dev.ferry.plan.Plan;
import dev.ferry.plan.TablePlan;
import dev.ferry.postgres.Ddl;
import dev.ferry.postgres.PgTarget;
import dev.ferry.verify.Checksums;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which tables someone other than Ferry wrote to (or dropped) since run {@code run} verified them: a
 * final sync must not overwrite those rows unasked. Uses verify's own checksum, so a table reads the
 * same as long as its values mean the same. Tables the journal has no note of (runs older than this
 * Ferry, tables that were there before) cannot be told apart and are not listed.
 */
final class OthersWrites {

    private OthersWrites() {
    }

    static List<String> since(UUID run, Plan plan, PgTarget target, int jobs) {
        Map<String, Journal.Verified> noted;
        try (Connection c = target.connection()) {
            noted = Journal.verified(c, run);
        } catch (SQLException e) {
            throw new FerryException(FerryException.Kind.TARGET, "Ferry could not read its journal of the migration.",
                    "See the details.", e);
        }
        Ddl ddl = new Ddl(plan.schema());
        Set<String> there = Creator.existing(target, plan.schema(),
                plan.tables().stream().map(TablePlan::target).collect(Collectors.toSet()));
        return Parallel.map(plan.tables(), jobs, t -> {
            Journal.Verified v = noted.get(t.target());
            if (v == null) {
                return null;
            }
            if (!there.contains(t.target())) {
                return t.target();
            }
            Checksums.Sum now = Checksums.target(t, target, ddl);
            return now.rows() == v.rows() && now.checksum() == v.checksum() ? null : t.target();
        }).stream().filter(Objects::nonNull).toList();
    }
}
