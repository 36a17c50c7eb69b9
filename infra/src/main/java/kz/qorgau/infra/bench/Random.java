package kz.qorgau.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL expressions for deterministic pseudo-random choices: a number in [0, 1) is a hash of (seed, a row's key, a
 * salt), computed by PostgreSQL itself ({@code benchgen.r}), so that the same seed gives the same data on any run
 * and the generation stays set-based. Each attribute uses its own salt, so attributes of one row are independent.
 */
final class Random {

    private Random() {
    }

    /** The function {@link #r} calls; created by the generator with the seed written into it. */
    static String functionDefinition(long seed) {
        return """
                create function benchgen.r(key bigint, salt int) returns float8 language sql immutable parallel safe as
                $$ select ((hashint8extended(key, %d::bigint * 1000 + salt) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$
                """.formatted(seed);
    }

    /** A number in [0, 1) for the row key {@code key} (an SQL expression) and this salt. */
    static String r(String key, int salt) {
        return "benchgen.r(" + key + ", " + salt + ")";
    }

    /** An integer from {@code low} to {@code high}, both included. */
    static String between(String key, int salt, int low, int high) {
        return "(" + low + " + floor(" + r(key, salt) + " * " + (high - low + 1) + ")::int)";
    }

    /** True with probability {@code p}. */
    static String chance(String key, int salt, double p) {
        return "(" + r(key, salt) + " < " + number(p) + ")";
    }

    /**
     * One of the values, each with its weight (pairs: value, weight; a null value is SQL null): the value whose share
     * of [0, 1) the random number falls in. Weights need not add up to one.
     */
    static String pick(String key, int salt, Object... valuesAndWeights) {
        return choose(r(key, salt), valuesAndWeights);
    }

    /** As {@link #pick}, for a random number given as an SQL expression. */
    static String choose(String random, Object... valuesAndWeights) {
        if (valuesAndWeights.length == 0 || valuesAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("value, weight pairs expected");
        }
        List<String> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            Object value = valuesAndWeights[i];
            values.add(value == null ? "null" : "'" + value.toString().replace("'", "''") + "'");
            double weight = ((Number) valuesAndWeights[i + 1]).doubleValue();
            weights.add(weight);
            total += weight;
        }
        List<String> starts = new ArrayList<>();
        double cumulative = 0;
        for (double weight : weights) {
            starts.add(number(cumulative / total));
            cumulative += weight;
        }
        return "(array[" + String.join(", ", values) + "]::text[])[width_bucket(" + random + ", array["
                + String.join(", ", starts) + "]::float8[])]";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
