package incubation

import "strings"

// edgeLabel is "trigger" or "trigger [RULE-1, RULE-2]".
func edgeLabel(t *Transition) string {
	if len(t.Guards) == 0 {
		return string(t.Trigger)
	}
	return string(t.Trigger) + " [" + strings.Join(t.Guards, ", ") + "]"
}

// Mermaid returns the machine as a Mermaid stateDiagram-v2: every state
// with its Chinese name, every edge labelled with its trigger and the rule
// IDs of its guards. The output is deterministic.
func Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	for _, s := range allStates {
		b.WriteString("    " + string(s) + " : " + string(s) + " " + s.Name().ZH + "\n")
	}
	b.WriteString("    [*] --> applied\n")
	for i := range table {
		t := &table[i]
		b.WriteString("    " + string(t.From) + " --> " + string(t.To) + " : " + edgeLabel(t) + "\n")
	}
	for _, s := range allStates {
		if s.Final() {
			b.WriteString("    " + string(s) + " --> [*]\n")
		}
	}
	return b.String()
}

// DOT returns the machine as a Graphviz digraph, deterministic, edges
// labelled with trigger and guard rule IDs; final states are drawn double.
func DOT() string {
	var b strings.Builder
	b.WriteString("digraph incubation {\n")
	b.WriteString("    rankdir=LR;\n")
	b.WriteString("    node [shape=box, style=rounded];\n")
	for _, s := range allStates {
		shape := ""
		if s.Final() {
			shape = ", peripheries=2"
		}
		b.WriteString("    " + string(s) + " [label=\"" + string(s) + "\\n" + s.Name().ZH + "\"" + shape + "];\n")
	}
	for i := range table {
		t := &table[i]
		b.WriteString("    " + string(t.From) + " -> " + string(t.To) + " [label=\"" + edgeLabel(t) + "\"];\n")
	}
	b.WriteString("}\n")
	return b.String()
}
