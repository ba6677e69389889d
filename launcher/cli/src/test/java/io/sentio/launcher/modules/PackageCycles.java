package io.sentio.launcher.modules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Strongly connected components of a package dependency graph: each one of two or more packages is a cycle. */
final class PackageCycles {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private PackageCycles(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /** Every cycle of {@code edges} (package to the packages it uses), as the set of packages in it. */
    static List<Set<String>> of(Map<String, Set<String>> edges) {
        PackageCycles tarjan = new PackageCycles(edges);
        for (String p : new TreeSet<>(edges.keySet())) {
            if (!tarjan.index.containsKey(p)) {
                tarjan.visit(p);
            }
        }
        return tarjan.cycles;
    }

    private void visit(String p) {
        int i = index.size();
        index.put(p, i);
        low.put(p, i);
        stack.push(p);
        for (String q : edges.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
