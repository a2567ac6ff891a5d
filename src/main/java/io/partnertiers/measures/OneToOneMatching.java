package io.partnertiers.measures;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Size of a maximum one-to-one matching between people and the specializations they are
 * certified in: each person serves one specialization at most and each specialization is
 * covered once (seed 004: "each certification is personal and can serve one specialization").
 * A greedy count undercounts: people {A,B}, {A}, {B,C}, {C,D} match 4, not 3.
 */
public final class OneToOneMatching {

    private OneToOneMatching() {
    }

    /** @param choices for each person, the specializations that person may cover */
    public static int maximumSize(List<Set<String>> choices) {
        return maximum(choices).size();
    }

    /**
     * Hopcroft–Karp: each phase finds a maximal set of shortest augmenting paths at once, so a
     * matching over V people and specializations with E certifications takes O(E √V) steps
     * (10,000 people with chained certifications: milliseconds, where one path per person took
     * seconds). Searches are iterative: no deep recursion on long chains.
     *
     * @param choices for each person, the specializations that person may cover
     * @return one maximum matching: the person (index into {@code choices}) by specialization
     */
    public static Map<String, Integer> maximum(List<Set<String>> choices) {
        String[] specializations = choices.stream().flatMap(Set::stream).collect(Collectors
                .toCollection(TreeSet::new)).toArray(String[]::new);
        int[][] edges = new int[choices.size()][];
        for (int person = 0; person < edges.length; person++) {
            edges[person] = choices.get(person).stream().mapToInt(s -> Arrays.binarySearch(specializations, s))
                    .sorted().toArray();
        }
        int[] personOf = new HopcroftKarp(edges, specializations.length).match();
        Map<String, Integer> personBySpecialization = new TreeMap<>();
        for (int specialization = 0; specialization < personOf.length; specialization++) {
            if (personOf[specialization] >= 0) {
                personBySpecialization.put(specializations[specialization], personOf[specialization]);
            }
        }
        return personBySpecialization;
    }

    /** The algorithm on integer indices: people 0..n-1 on the left, specializations 0..m-1 on the right. */
    private static final class HopcroftKarp {

        private static final int UNREACHED = Integer.MAX_VALUE;

        private final int[][] edges;
        private final int[] specializationOf;
        private final int[] personOf;
        private final int[] layer;
        private final int[] nextEdge;
        private int freeLayer;

        HopcroftKarp(int[][] edges, int specializations) {
            this.edges = edges;
            this.specializationOf = new int[edges.length];
            this.personOf = new int[specializations];
            this.layer = new int[edges.length];
            this.nextEdge = new int[edges.length];
            Arrays.fill(specializationOf, -1);
            Arrays.fill(personOf, -1);
        }

        int[] match() {
            while (layerFromFreePeople()) {
                Arrays.fill(nextEdge, 0);
                for (int person = 0; person < edges.length; person++) {
                    if (specializationOf[person] < 0) {
                        augmentFrom(person);
                    }
                }
            }
            return personOf;
        }

        /** Breadth-first layers from every unmatched person; true when some free specialization is reachable. */
        private boolean layerFromFreePeople() {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int person = 0; person < edges.length; person++) {
                layer[person] = specializationOf[person] < 0 ? 0 : UNREACHED;
                if (layer[person] == 0) {
                    queue.add(person);
                }
            }
            freeLayer = UNREACHED;
            while (!queue.isEmpty()) {
                int person = queue.poll();
                if (layer[person] >= freeLayer) {
                    continue;
                }
                for (int specialization : edges[person]) {
                    int holder = personOf[specialization];
                    if (holder < 0) {
                        freeLayer = Math.min(freeLayer, layer[person] + 1);
                    } else if (layer[holder] == UNREACHED) {
                        layer[holder] = layer[person] + 1;
                        queue.add(holder);
                    }
                }
            }
            return freeLayer != UNREACHED;
        }

        /** Depth-first along the layers, with an explicit stack; flips the path when it ends at a free specialization. */
        private void augmentFrom(int root) {
            int[] path = new int[Math.min(edges.length, freeLayer + 1)];
            int depth = 0;
            path[depth++] = root;
            while (depth > 0) {
                int person = path[depth - 1];
                if (nextEdge[person] == edges[person].length) {
                    layer[person] = UNREACHED; // a dead end for the rest of this phase
                    depth--;
                    continue;
                }
                int specialization = edges[person][nextEdge[person]++];
                int holder = personOf[specialization];
                if (holder < 0 ? layer[person] + 1 == freeLayer : layer[holder] == layer[person] + 1) {
                    if (holder >= 0) {
                        path[depth++] = holder;
                        continue;
                    }
                    for (int i = depth - 1; i >= 0; i--) {
                        int onPath = path[i];
                        int taken = i == depth - 1 ? specialization : edges[onPath][nextEdge[onPath] - 1];
                        specializationOf[onPath] = taken;
                        personOf[taken] = onPath;
                    }
                    return;
                }
            }
        }
    }
}
