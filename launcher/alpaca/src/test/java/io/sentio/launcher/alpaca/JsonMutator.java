package io.sentio.launcher.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates a valid JSON answer for the REST fuzz tests: truncated, characters flipped, pure garbage, or
 * one field anywhere in the tree removed or given a value of another type (null, text, a negative or
 * out-of-range number, a boolean, an object, an array).
 */
public final class JsonMutator {
    private static final String FLIPS = "{}[]\",:0x.-tn \\";
    private static final String SOUP = "{}[]\",:0123456789.eE-truefalsn";

    private JsonMutator() {
    }

    public static String mutate(String valid, SplittableRandom random) throws Exception {
        switch (random.nextInt(5)) {
            case 0:
                return valid.substring(0, random.nextInt(valid.length()));
            case 1: {
                char[] c = valid.toCharArray();
                for (int k = random.nextInt(1, 4); k > 0; k--) {
                    c[random.nextInt(c.length)] = FLIPS.charAt(random.nextInt(FLIPS.length()));
                }
                return new String(c);
            }
            case 2: {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(60); k > 0; k--) {
                    b.append(SOUP.charAt(random.nextInt(SOUP.length())));
                }
                return b.toString();
            }
            default: {
                // a field of the tree (at any depth) removed or given a value of another type
                JsonNode tree = AlpacaJson.MAPPER.readTree(valid);
                List<ContainerNode<?>> containers = new ArrayList<>();
                collect(tree, containers);
                ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
                JsonNode wrong = new JsonNode[] {AlpacaJson.MAPPER.nullNode(), AlpacaJson.MAPPER.getNodeFactory().textNode("x"),
                    AlpacaJson.MAPPER.getNodeFactory().numberNode(-1.5), AlpacaJson.MAPPER.getNodeFactory().booleanNode(true),
                    AlpacaJson.MAPPER.createObjectNode(), AlpacaJson.MAPPER.createArrayNode(),
                    AlpacaJson.MAPPER.getNodeFactory().textNode("1e999")}[random.nextInt(7)];
                if (target instanceof ObjectNode o && o.size() > 0) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String name = names.get(random.nextInt(names.size()));
                    if (random.nextBoolean()) {
                        o.remove(name);
                    } else {
                        o.set(name, wrong);
                    }
                } else if (target instanceof ArrayNode a && a.size() > 0) {
                    a.set(random.nextInt(a.size()), wrong);
                }
                return tree.toString();
            }
        }
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) {
            out.add(c);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
