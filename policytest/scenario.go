package policytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/yamljson"
	"go.yaml.in/yaml/v3"
)

// A scenario file holds cases:
//
//	cases:
//	  - name: wuliqiao coverage from the seed
//	    programme: wuliqiao
//	    date: 2016-06-30
//	    kind: check coverage          # any kind of `hubrules help`
//	    params: |                     # optional: a parameter file layered over the defaults (what-if)
//	      package: hub
//	      parameters: …
//	    input: {…}                    # the same JSON shape the CLI reads, written as YAML
//	    input_file: members.json      # … or a JSON file beside the scenario file
//	    expect:
//	      compliant: false
//	      findings: [HUB-COV-02]      # rules that must have failed
//	      no_findings: [HUB-XAPT-01]  # rules that must not have failed
//	      grade: 4A
//	      amounts: {fee: "1000.00"}
//	      refused: [INC-GRAD-01]
//	      state: incubating
//	      values: {coverage.organizational.percent: "43.8"}   # dotted paths into the JSON result
//	      error: [members[3].formal_members]                  # the input must be refused, naming these fields
//
// Unknown keys are errors with a "did you mean" hint.

// Scenario is one case of a scenario file.
type Scenario struct {
	Name      string
	Programme hubrules.Programme
	Date      hubrules.Date
	Kind      string
	Params    string
	Input     []byte // JSON
	Expect    Expect
	File      string
	Line      int
}

// Expect is what a case asserts.
type Expect struct {
	Compliant  *bool
	Findings   []string
	NoFindings []string
	Grade      *hubrules.Grade
	Amounts    map[string]string
	Refused    []string
	State      string
	Values     map[string]string
	Error      []string
	HasError   bool
}

var (
	caseKeys   = []string{"name", "programme", "date", "kind", "params", "input", "input_file", "expect"}
	expectKeys = []string{"compliant", "findings", "no_findings", "grade", "amounts", "refused", "state", "values", "error"}
)

// Load reads the scenario files matching pattern (filepath.Glob).
func Load(pattern string) ([]Scenario, error) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("policytest: no scenario files match %s", pattern)
	}
	sort.Strings(files)
	var out []Scenario
	for _, f := range files {
		data, err := readFile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		sc, err := Parse(f, data)
		if err != nil {
			return nil, err
		}
		out = append(out, sc...)
	}
	return out, nil
}

// Parse parses one scenario file; name is used in messages.
func Parse(name string, data []byte) ([]Scenario, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: empty scenario file", name)
	}
	root := doc.Content[0]
	if err := checkKeys(name, root, []string{"cases"}); err != nil {
		return nil, err
	}
	cases := mapValue(root, "cases")
	if cases == nil || cases.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: cases must be a list", name, root.Line)
	}
	var out []Scenario
	for _, c := range cases.Content {
		s, err := parseCase(name, c)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func parseCase(file string, c *yaml.Node) (Scenario, error) {
	s := Scenario{File: file, Line: c.Line}
	at := func(n *yaml.Node) string { return fmt.Sprintf("%s:%d", file, n.Line) }
	if c.Kind != yaml.MappingNode {
		return s, fmt.Errorf("%s: a case must be a mapping", at(c))
	}
	if err := checkKeys(file, c, caseKeys); err != nil {
		return s, err
	}
	s.Name = scalar(mapValue(c, "name"))
	if s.Name == "" {
		return s, fmt.Errorf("%s: the case has no name", at(c))
	}
	p := scalar(mapValue(c, "programme"))
	if p == "" {
		p = string(hubrules.National)
	}
	s.Programme = hubrules.Programme(p)
	if !s.Programme.Valid() {
		return s, fmt.Errorf("%s: case %q: unknown programme %q%s", at(c), s.Name, p, hint(p, programmeNames()))
	}
	d, err := hubrules.ParseDate(scalar(mapValue(c, "date")))
	if err != nil {
		return s, fmt.Errorf("%s: case %q: date: %v", at(c), s.Name, err)
	}
	s.Date = d
	s.Kind = scalar(mapValue(c, "kind"))
	if _, ok := kinds.Lookup(s.Kind); !ok {
		return s, fmt.Errorf("%s: case %q: unknown kind %q%s", at(c), s.Name, s.Kind, hint(s.Kind, kinds.Names()))
	}
	s.Params = scalar(mapValue(c, "params"))
	in := mapValue(c, "input")
	if f := scalar(mapValue(c, "input_file")); f != "" {
		if in != nil {
			return s, fmt.Errorf("%s: case %q has both input and input_file", at(c), s.Name)
		}
		data, err := readFile(filepath.Join(filepath.Dir(file), f))
		if err != nil {
			return s, fmt.Errorf("%s: case %q: input_file: %w", at(c), s.Name, err)
		}
		s.Input = data
	} else if in == nil {
		return s, fmt.Errorf("%s: case %q has no input (or input_file)", at(c), s.Name)
	}
	var buf bytes.Buffer
	if in != nil {
		// Scalars are kept as written; the text is bounded by maxInput, so
		// that nested aliases cannot expand without end.
		if err := yamljson.Write(&buf, in, maxInput); err != nil {
			if errors.Is(err, yamljson.ErrTooLarge) {
				err = sizeError()
			}
			return s, fmt.Errorf("%s: case %q: input: %w", at(in), s.Name, err)
		}
		s.Input = buf.Bytes()
	}
	ex := mapValue(c, "expect")
	if ex == nil {
		return s, fmt.Errorf("%s: case %q has no expect", at(c), s.Name)
	}
	if err := checkKeys(file, ex, expectKeys); err != nil {
		return s, err
	}
	if n := mapValue(ex, "compliant"); n != nil {
		var b bool
		if n.Tag != "!!bool" || n.Decode(&b) != nil {
			return s, fmt.Errorf("%s: case %q: compliant must be true or false, not %q", at(n), s.Name, n.Value)
		}
		s.Expect.Compliant = &b
	}
	if n := mapValue(ex, "grade"); n != nil {
		g := hubrules.Grade(n.Value)
		if !g.Valid() {
			return s, fmt.Errorf("%s: case %q: unknown grade %q", at(n), s.Name, n.Value)
		}
		s.Expect.Grade = &g
	}
	s.Expect.Findings = strs(mapValue(ex, "findings"))
	s.Expect.NoFindings = strs(mapValue(ex, "no_findings"))
	s.Expect.Refused = strs(mapValue(ex, "refused"))
	s.Expect.State = scalar(mapValue(ex, "state"))
	s.Expect.Amounts = strMap(mapValue(ex, "amounts"))
	s.Expect.Values = strMap(mapValue(ex, "values"))
	if n := mapValue(ex, "error"); n != nil {
		s.Expect.HasError = true
		s.Expect.Error = strs(n)
	}
	return s, nil
}

// Run runs every case of the scenario files matching pattern as a subtest
// named "file/case". A failing case names the file, the line, the case and
// the values that differ.
func Run(t *testing.T, pattern string) {
	t.Helper()
	scenarios, err := Load(pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scenarios {
		s := s
		t.Run(filepath.Base(s.File)+"/"+s.Name, func(t *testing.T) {
			for _, msg := range s.Check() {
				t.Errorf("%s:%d: case %q: %s", s.File, s.Line, s.Name, msg)
			}
		})
	}
}

// Check evaluates the case and returns what differs from its expectations
// (nothing when it passes).
func (s Scenario) Check() []string {
	k, _ := kinds.Lookup(s.Kind)
	env := kinds.Env{Programme: s.Programme, Date: s.Date}
	if s.Params != "" {
		set, err := hubrules.ParseParams([]byte(s.Params))
		if err == nil {
			err = kinds.CheckOverlay(k.Package, set)
		}
		if err != nil {
			return []string{"params: " + err.Error()}
		}
		env.Overlays = append(env.Overlays, set)
	}
	in := k.Input()
	err := hubrules.DecodeJSON(s.Input, in)
	var out kinds.Outcome
	if err == nil {
		out, err = k.Eval(env, in)
	}
	var diffs []string
	if s.Expect.HasError {
		ie, ok := err.(*hubrules.InputError)
		if !ok {
			return []string{fmt.Sprintf("want an input error naming %v, got %v", s.Expect.Error, err)}
		}
		for _, path := range s.Expect.Error {
			if _, found := ie.Field(path); !found {
				diffs = append(diffs, fmt.Sprintf("the input error does not name %s: %v", path, ie))
			}
		}
		return diffs
	}
	if err != nil {
		return []string{"unexpected error: " + err.Error()}
	}
	if c := s.Expect.Compliant; c != nil && *c != out.Compliant {
		diffs = append(diffs, fmt.Sprintf("compliant: got %v, want %v (findings %v)", out.Compliant, *c, out.Findings))
	}
	for _, id := range s.Expect.Findings {
		if !contains(out.Findings, id) {
			diffs = append(diffs, fmt.Sprintf("findings: want %s, got %v", id, out.Findings))
		}
	}
	for _, id := range s.Expect.NoFindings {
		if contains(out.Findings, id) {
			diffs = append(diffs, fmt.Sprintf("findings: did not want %s, got %v", id, out.Findings))
		}
	}
	if g := s.Expect.Grade; g != nil && *g != out.Grade {
		diffs = append(diffs, fmt.Sprintf("grade: got %q, want %q", out.Grade, *g))
	}
	for _, name := range sortedKeys(s.Expect.Amounts) {
		want := s.Expect.Amounts[name]
		got, ok := out.Amounts[name]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("amounts.%s: not in the result (it has %v)", name, sortedKeys(out.Amounts)))
		} else if !sameAmount(got, want) {
			diffs = append(diffs, fmt.Sprintf("amounts.%s: got %s, want %s", name, got, want))
		}
	}
	for _, id := range s.Expect.Refused {
		if !contains(out.Refused, id) {
			diffs = append(diffs, fmt.Sprintf("refused: want %s among the unmet criteria, got %v", id, out.Refused))
		}
	}
	if s.Expect.State != "" && s.Expect.State != out.State {
		diffs = append(diffs, fmt.Sprintf("state: got %q, want %q", out.State, s.Expect.State))
	}
	if len(s.Expect.Values) > 0 {
		raw, err := json.Marshal(out.Value)
		if err != nil {
			return append(diffs, "result cannot be marshalled: "+err.Error())
		}
		var generic any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		_ = dec.Decode(&generic)
		for _, path := range sortedKeys(s.Expect.Values) {
			got, ok := lookupPath(generic, path)
			if !ok {
				diffs = append(diffs, fmt.Sprintf("values.%s: no such path in the result", path))
			} else if got != s.Expect.Values[path] {
				diffs = append(diffs, fmt.Sprintf("values.%s: got %s, want %s", path, got, s.Expect.Values[path]))
			}
		}
	}
	return diffs
}

// lookupPath follows a dotted path ("links.0.outcome", "coverage.rate") into
// generic JSON and returns the value as text.
func lookupPath(v any, path string) (string, bool) {
	for _, part := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			n, ok := x[part]
			if !ok {
				return "", false
			}
			v = n
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return "", false
			}
			v = x[i]
		default:
			return "", false
		}
	}
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case nil:
		return "null", true
	}
	b, _ := json.Marshal(v)
	return string(b), true
}

// maxInput is the largest scenario file, input file or input read: the
// CLI's default limit.
var maxInput = hubrules.DefaultLimits().MaxBytes

// readFile reads the file at path through a limited reader: a file over
// maxInput (or an endless one) is refused with max_bytes, never held whole.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(maxInput)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, sizeError()
	}
	return data, nil
}

func sizeError() error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "max_bytes", Param: strconv.Itoa(maxInput),
		Message: hubrules.T("超过大小上限 "+strconv.Itoa(maxInput)+" 字节", "exceeds the size limit of "+strconv.Itoa(maxInput)+" bytes")})
}

func checkKeys(file string, n *yaml.Node, known []string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: want a mapping", file, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !contains(known, k.Value) {
			return fmt.Errorf("%s:%d: unknown key %q%s (known: %s)", file, k.Line, k.Value, hint(k.Value, known), strings.Join(known, ", "))
		}
	}
	return nil
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return n.Value
}

func strs(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, c.Value)
	}
	return out
}

func strMap(n *yaml.Node) map[string]string {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = n.Content[i+1].Value
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func programmeNames() []string {
	var out []string
	for _, p := range hubrules.Programmes() {
		out = append(out, string(p))
	}
	return out
}

// hint returns `; did you mean "x"?` for the known word closest to s, when
// one is close enough (hubrules.Closest).
func hint(s string, known []string) string {
	if best := hubrules.Closest(s, known); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
