package parbench.report.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parbench.report.compare.ComparisonKey;
import parbench.report.compare.Direction;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.TimeUnits;
import parbench.report.stats.SampleTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every fork an A/B session measured, per benchmark point and side, in the order they ran: the raw data the verdicts
 * are computed from, written as {@code ab-forks.json} so that a session can be analysed again (and the tests replay
 * real sessions). Fork values are each iteration's score in the normalised unit (ms/op, ops/s). Params that the two
 * sides set differently ({@code --base-opts '-p taskMillis=10' --candidate-opts '-p taskMillis=11'}) are not part of
 * a point's key, so the two sides' results pair up. Not thread-safe.
 */
public final class AbRecord {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Set<String> variedParams;
    private final Map<ComparisonKey, Map<Side, List<double[]>>> forks = new LinkedHashMap<>();
    private final Map<ComparisonKey, Direction> directions = new LinkedHashMap<>();
    private final List<List<Side>> order = new ArrayList<>();

    /** An empty record whose keys leave out {@code variedParams}. */
    public AbRecord(Set<String> variedParams) {
        this.variedParams = Set.copyOf(variedParams);
    }

    /** Notes that pair {@code order.size()} ran its sides in {@code sides} order. */
    public void startPair(List<Side> sides) {
        order.add(List.copyOf(sides));
    }

    /** Adds one fork of {@code side}: every result's first fork. */
    public void add(Side side, List<BenchmarkResult> results) {
        for (BenchmarkResult result : results) {
            Map<String, String> params = new TreeMap<>(result.params());
            params.keySet().removeAll(variedParams);
            String unit = TimeUnits.normalised(result.primaryMetric().unit());
            double factor = TimeUnits.factor(result.primaryMetric().unit(), unit);
            SampleTree tree = SampleTree.of(result.primaryMetric());
            if (tree.isEmpty()) {
                continue;
            }
            if (!Double.isNaN(factor) && factor != 1.0) {
                tree = tree.scaled(factor);
            }
            var key = new ComparisonKey(result.benchmark(), result.mode(), params, null, "score", unit);
            directions.putIfAbsent(key, Direction.of(result.mode(), unit));
            forks.computeIfAbsent(key, k -> new EnumMap<>(Side.class)).computeIfAbsent(side, s -> new ArrayList<>())
                    .add(tree.fork(0));
        }
    }

    /** The points measured, in the order first seen. */
    public List<ComparisonKey> keys() {
        return List.copyOf(forks.keySet());
    }

    public Direction direction(ComparisonKey key) {
        return directions.get(key);
    }

    /** The forks of {@code side} at {@code key}, in the order they ran. */
    public List<double[]> forks(ComparisonKey key, Side side) {
        return List.copyOf(forks.getOrDefault(key, Map.of()).getOrDefault(side, List.of()));
    }

    /** Pairs started so far. */
    public int pairs() {
        return order.size();
    }

    public Set<String> variedParams() {
        return variedParams;
    }

    /**
     * A record of the pairs numbered {@code pairs} only, in that order: one trial drawn from a long session. Only
     * complete pairs should be named (both sides have a fork at that index).
     */
    public AbRecord subset(List<Integer> pairs) {
        AbRecord subset = new AbRecord(variedParams);
        for (int p : pairs) {
            subset.order.add(order.get(p));
        }
        forks.forEach((key, sides) -> sides.forEach((side, list) -> {
            List<double[]> kept = new ArrayList<>();
            for (int p : pairs) {
                if (p < list.size()) {
                    kept.add(list.get(p));
                }
            }
            subset.forks.computeIfAbsent(key, k -> new EnumMap<>(Side.class)).put(side, kept);
        }));
        subset.directions.putAll(directions);
        return subset;
    }

    /** A record of pairs {@code from} (inclusive) to {@code to} (exclusive) only: one trial of a long session. */
    public AbRecord slice(int from, int to) {
        AbRecord slice = new AbRecord(variedParams);
        slice.order.addAll(order.subList(from, Math.min(to, order.size())));
        forks.forEach((key, sides) -> sides.forEach((side, list) -> {
            if (list.size() > from) {
                slice.forks.computeIfAbsent(key, k -> new EnumMap<>(Side.class))
                        .put(side, new ArrayList<>(list.subList(from, Math.min(to, list.size()))));
            }
        }));
        slice.directions.putAll(directions);
        return slice;
    }

    /** Writes the record as JSON to {@code file} (the caller makes it atomic). */
    public String toJson() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode varied = root.putArray("variedParams");
        variedParams.stream().sorted().forEach(varied::add);
        ArrayNode pairs = root.putArray("order");
        for (List<Side> sides : order) {
            ArrayNode pair = pairs.addArray();
            sides.forEach(s -> pair.add(s.label()));
        }
        ArrayNode points = root.putArray("points");
        forks.forEach((key, sides) -> {
            ObjectNode point = points.addObject();
            point.put("benchmark", key.benchmark()).put("mode", key.mode()).put("unit", key.unit())
                    .put("better", directions.get(key).better());
            ObjectNode params = point.putObject("params");
            key.params().forEach(params::put);
            for (Side side : Side.values()) {
                ArrayNode list = point.putArray(side.label());
                for (double[] fork : sides.getOrDefault(side, List.of())) {
                    ArrayNode f = list.addArray();
                    for (double v : fork) {
                        f.add(v);
                    }
                }
            }
        });
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Reads a record {@link #toJson()} wrote. */
    public static AbRecord read(Path file) throws BadInputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read as an ab record: " + e.getMessage(), e);
        }
        if (root == null || !root.path("points").isArray() || !root.path("order").isArray()) {
            throw new BadInputException(file, "not an ab record (expected 'order' and 'points')");
        }
        List<String> varied = new ArrayList<>();
        root.path("variedParams").forEach(v -> varied.add(v.asText()));
        AbRecord record = new AbRecord(Set.copyOf(varied));
        for (JsonNode pair : root.path("order")) {
            List<Side> sides = new ArrayList<>();
            pair.forEach(s -> sides.add(s.asText().equals("base") ? Side.BASE : Side.CANDIDATE));
            record.order.add(sides);
        }
        for (JsonNode point : root.path("points")) {
            Map<String, String> params = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = point.path("params").fields(); it.hasNext(); ) {
                var e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            var key = new ComparisonKey(point.path("benchmark").asText(), point.path("mode").asText(), params, null,
                    "score", point.path("unit").asText());
            record.directions.put(key, point.path("better").asText().equals("higher")
                    ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER);
            Map<Side, List<double[]>> sides = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                List<double[]> list = new ArrayList<>();
                for (JsonNode fork : point.path(side.label())) {
                    double[] values = new double[fork.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fork.get(i).asDouble();
                    }
                    list.add(values);
                }
                sides.put(side, list);
            }
            record.forks.put(key, sides);
        }
        return record;
    }
}
