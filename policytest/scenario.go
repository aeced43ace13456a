package policytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/yamljson"
	"go.yaml.in/yaml/v3"
)

// A scenario file holds cases (docs/scenarios.md documents every key;
// Keys is the one table of them):
//
//	cases:
//	  - name: wuliqiao coverage from the seed
//	    programme: wuliqiao
//	    date: 2016-06-30
//	    kind: check coverage          # any kind of `hubrules help`
//	    params: |                     # optional: a parameter file layered over the defaults (what-if)
//	      package: hub
//	      parameters: …
//	    params_file: what-if.yaml     # … or a parameter file beside the scenario file
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
// Unknown keys are errors with a "did you mean" hint; a case with an error
// is reported as one error and the other cases of its file still run.

// Scenario is one case of a scenario file.
type Scenario struct {
	Name      string
	Programme hubrules.Programme
	Date      hubrules.Date
	Kind      string
	// Params is the parameter-file text layered over the kind's package
	// defaults ("" for none).
	Params string
	Input  []byte // JSON
	Expect Expect
	File   string
	Line   int
	// Problems are what is wrong with the case as written (an unknown
	// key, a malformed date, an unknown rule ID, …), each with its line
	// and path: a case with problems is not evaluated, and its Result is
	// an error.
	Problems []Problem

	overlay *hubrules.ParamSet // Params parsed and checked
	lines   map[string]int     // the line of each expect key ("findings", "amounts.fee")
	inLine  int                // the line of the input (or input_file)
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

// Problem is one thing wrong with a scenario file or one of its cases: the
// line, the path of the key in the file ("cases[2].expect.findigns"), a
// code ("unknown_key", "date", "unknown_rule", …), the value, the nearest
// valid word when the value looks like a misspelling of one, and a message
// in Chinese and English.
type Problem struct {
	Line int `json:"line"`
	hubrules.FieldError
	DidYouMean string `json:"did_you_mean,omitempty"`
}

// ParseError is the error of Parse and Load: the problems of a scenario
// file. errors.As finds the *hubrules.InputError of its problems.
type ParseError struct {
	File     string
	Problems []Problem
}

// Error returns one "file:line: path: zh / en" per problem.
func (e *ParseError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s:%d: ", e.File, p.Line)
		if p.Path != "" {
			b.WriteString(p.Path + ": ")
		}
		b.WriteString(p.Message.ZH + " / " + p.Message.EN)
	}
	return b.String()
}

// Unwrap returns the problems as an *hubrules.InputError.
func (e *ParseError) Unwrap() error {
	fields := make([]hubrules.FieldError, len(e.Problems))
	for i, p := range e.Problems {
		fields[i] = p.FieldError
	}
	return hubrules.NewInputError(fields...)
}

// Load reads the scenario files matching pattern (filepath.Glob); it
// stops at the first file with a problem, returned as a *ParseError.
// RunFiles runs files, folders and patterns past any problem instead.
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
		sc, err := Parse(f, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, sc...)
	}
	return out, nil
}

// Parse parses one scenario file; name is used in messages and to find
// the files a case names (input_file, params_file). With data nil, the
// file name is read (within the CLI's input limit). Any problem of the
// file or of a case is returned as a *ParseError.
func Parse(name string, data []byte) ([]Scenario, error) {
	sc, probs := ParseFile(name, data)
	for _, s := range sc {
		probs = append(probs, s.Problems...)
	}
	if len(probs) > 0 {
		return nil, &ParseError{File: name, Problems: probs}
	}
	return sc, nil
}

// ParseFile parses one scenario file as Parse does, but keeps going past
// a bad case: each case's problems are in its Problems, and the problems
// of the file as a whole (not YAML, no list of cases) are returned apart.
func ParseFile(name string, data []byte) ([]Scenario, []Problem) {
	if data == nil {
		var err error
		if data, err = readFile(name, maxScenarioFile); err != nil {
			return nil, []Problem{fileProblem(0, "", err)}
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []Problem{yamlProblem(err)}
	}
	if len(doc.Content) == 0 {
		return nil, []Problem{{Line: 1, FieldError: hubrules.FieldError{Code: "empty",
			Message: hubrules.T("场景文件为空：应有 cases（场景列表）", "empty scenario file: it needs its cases")}}}
	}
	root := doc.Content[0]
	p := &parser{file: name}
	p.checkKeys(root, "", "file", "")
	cases := mapValue(root, "cases")
	if cases == nil || cases.Kind != yaml.SequenceNode {
		if len(p.probs) == 0 {
			p.add(root, "cases", "required", "", "", hubrules.T("cases（场景列表）应为一个列表", "cases must be a list"))
		}
		return nil, p.probs
	}
	fileProbs := p.probs
	var out []Scenario
	seen := map[string]int{}
	st := &fileState{budget: maxFileInputs, files: map[string][]byte{}}
	for i, c := range cases.Content {
		s := parseCase(name, i, c, st)
		if s.Name != "" {
			if line, dup := seen[s.Name]; dup {
				cp := &parser{file: name}
				cp.add(c, fmt.Sprintf("cases[%d].name", i), "duplicate", s.Name, "",
					hubrules.T(fmt.Sprintf("场景名称“%s”与第 %d 行的场景重复：--run 无法只选其一", s.Name, line),
						fmt.Sprintf("the name %q is also the name of the case at line %d: --run could not pick one", s.Name, line)))
				s.Problems = append(s.Problems, cp.probs...)
			} else {
				seen[s.Name] = s.Line
			}
		}
		out = append(out, s)
	}
	return out, fileProbs
}

// maxFileInputs is the most input one scenario file may give its cases
// together, in bytes (inline inputs as JSON, each input file once): an
// input written once and used again by alias in many cases cannot make
// the cases of one file hold more.
var maxFileInputs = 2 * maxInput

// fileState is what the cases of one file share while it is parsed.
type fileState struct {
	budget int               // bytes of input left (maxFileInputs)
	files  map[string][]byte // the input files read, by path
}

// parser collects the problems of a file or a case.
type parser struct {
	file  string
	name  string // the case's name, for messages
	probs []Problem
	st    *fileState
}

func (p *parser) add(n *yaml.Node, path, code, value, suggestion string, msg hubrules.Text) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.probs = append(p.probs, Problem{Line: line, DidYouMean: suggestion,
		FieldError: hubrules.FieldError{Path: path, Code: code, Value: value, Message: msg}})
}

// of is the case part of a message: ` (case "x")`.
func (p *parser) of() hubrules.Text {
	if p.name == "" {
		return hubrules.T("", "")
	}
	return hubrules.T("（场景“"+p.name+"”）", " (case "+strconv.Quote(p.name)+")")
}

// checkKeys adds a problem for each key of the mapping n that is not a key
// of where, and for each key written twice; prefix is the path of n.
func (p *parser) checkKeys(n *yaml.Node, prefix, where, label string) {
	known := keyNames(keysIn(where))
	if n.Kind != yaml.MappingNode {
		p.add(n, strings.TrimSuffix(prefix, "."), "mapping", "", "",
			hubrules.T(label+"应为键值映射（key: value）"+p.of().ZH, "want a mapping (key: value)"+p.of().EN))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if seen[k.Value] {
			p.add(k, prefix+k.Value, "duplicate_key", k.Value, "",
				hubrules.T("键 "+k.Value+"（"+keyLabel(where, k.Value).ZH+"）写了两次"+p.of().ZH, "the key "+strconv.Quote(k.Value)+" is written twice"+p.of().EN))
			continue
		}
		seen[k.Value] = true
		if contains(known, k.Value) {
			continue
		}
		best := hubrules.Closest(k.Value, known)
		zh := "未知的键 " + k.Value + p.of().ZH
		en := "unknown key " + strconv.Quote(k.Value)
		if best != "" {
			zh += "；是否想写 " + best + "（" + keyLabel(where, best).ZH + "）？"
			en += "; did you mean " + strconv.Quote(best) + "?"
		}
		if best == "" {
			zh += "；"
		}
		zh += "可用的键：" + strings.Join(known, "、")
		en += p.of().EN + " (known: " + strings.Join(known, ", ") + ")"
		p.add(k, prefix+k.Value, "unknown_key", k.Value, best, hubrules.T(zh, en))
	}
}

func parseCase(file string, idx int, c *yaml.Node, st *fileState) (s Scenario) {
	s = Scenario{File: file, Line: c.Line, lines: map[string]int{}}
	at := fmt.Sprintf("cases[%d]", idx)
	p := &parser{file: file, st: st}
	defer func() { s.Problems = p.probs }()
	if c.Kind != yaml.MappingNode {
		p.add(c, at, "mapping", "", "", hubrules.T("每个场景应为键值映射（name: …、kind: …）", "a case must be a mapping (name: …, kind: …)"))
		return s
	}
	s.Name = scalar(mapValue(c, "name"))
	p.name = s.Name
	p.checkKeys(c, at+".", "case", "场景")
	if s.Name == "" {
		p.add(c, at+".name", "required", "", "", hubrules.T("场景缺少 name（名称）", "the case has no name"))
	}
	prog := scalar(mapValue(c, "programme"))
	if prog == "" {
		prog = string(hubrules.National)
	}
	if hubrules.Programme(prog).Valid() {
		s.Programme = hubrules.Programme(prog)
	} else {
		best := hubrules.Closest(prog, programmeNames())
		p.add(nodeOr(mapValue(c, "programme"), c), at+".programme", "enum", prog, best,
			hubrules.T("未知的项目 "+prog+p.of().ZH+hintZH(best)+"可用："+strings.Join(programmeNames(), "、"),
				"unknown programme "+strconv.Quote(prog)+hint(prog, programmeNames())+p.of().EN))
	}
	if dn := mapValue(c, "date"); dn == nil {
		p.add(c, at+".date", "required", "", "", hubrules.T("缺少 date（评估日期）"+p.of().ZH, "the date is missing"+p.of().EN))
	} else if d, err := hubrules.ParseDate(dn.Value); err != nil {
		p.add(dn, at+".date", "date", dn.Value, "", hubrules.T("date（评估日期）应写作 YYYY-MM-DD："+dn.Value+p.of().ZH,
			"date: must be YYYY-MM-DD: "+dn.Value+p.of().EN))
	} else {
		s.Date = d
	}
	s.Kind = scalar(mapValue(c, "kind"))
	k, kindOK := kinds.Lookup(s.Kind)
	switch {
	case mapValue(c, "kind") == nil:
		p.add(c, at+".kind", "required", "", "", hubrules.T("缺少 kind（决定种类）"+p.of().ZH, "the kind is missing"+p.of().EN))
	case !kindOK:
		best := hubrules.Closest(s.Kind, kinds.Names())
		p.add(mapValue(c, "kind"), at+".kind", "enum", s.Kind, best,
			hubrules.T("未知的决定种类 "+s.Kind+p.of().ZH+hintZH(best)+"可用的种类见 hubrules help",
				"unknown kind "+strconv.Quote(s.Kind)+hint(s.Kind, kinds.Names())+p.of().EN))
	}
	p.params(&s, c, at, k, kindOK)
	defer p.dropMissingOfTypos()
	p.input(&s, c, at)
	ex := mapValue(c, "expect")
	if ex == nil {
		p.add(c, at+".expect", "required", "", "", hubrules.T("缺少 expect（预期）"+p.of().ZH, "the case has no expect"+p.of().EN))
		return s
	}
	p.checkKeys(ex, at+".expect.", "expect", "expect（预期）")
	p.expect(&s, ex, at+".expect.")
	return s
}

// dropMissingOfTypos removes the problem "X is missing" when an unknown
// key's nearest valid key is X: a typo is one problem, not two.
func (p *parser) dropMissingOfTypos() {
	meant := map[string]bool{}
	for _, q := range p.probs {
		if q.Code == "unknown_key" && q.DidYouMean != "" {
			meant[q.Path[:len(q.Path)-len(q.Value)]+q.DidYouMean] = true
		}
	}
	kept := p.probs[:0]
	for _, q := range p.probs {
		if q.Code == "required" && meant[q.Path] {
			continue
		}
		if q.Code == "required" && strings.HasSuffix(q.Path, ".input") && meant[strings.TrimSuffix(q.Path, "input")+"input_file"] {
			continue
		}
		kept = append(kept, q)
	}
	p.probs = kept
}

// params reads params or params_file: parsed, and checked to be for the
// kind's package and to name only its parameters.
func (p *parser) params(s *Scenario, c *yaml.Node, at string, k kinds.Kind, kindOK bool) {
	pn, pf := mapValue(c, "params"), mapValue(c, "params_file")
	var text []byte
	node, path := pn, at+".params"
	switch {
	case pn != nil && pf != nil:
		p.add(pf, at+".params_file", "exclusive", "", "", hubrules.T("params 与 params_file 只能写一个"+p.of().ZH, "params and params_file cannot both be written"+p.of().EN))
		return
	case pn != nil && pn.Kind == yaml.ScalarNode:
		text = []byte(pn.Value)
	case pn != nil:
		// A mapping written in place is the same parameter file.
		b, err := yaml.Marshal(pn)
		if err != nil {
			p.add(pn, path, "params", "", "", hubrules.T("params（参数叠加）无法读取"+p.of().ZH, "params cannot be read: "+err.Error()+p.of().EN))
			return
		}
		text = b
	case pf != nil:
		node, path = pf, at+".params_file"
		data, err := readFile(filepath.Join(filepath.Dir(p.file), pf.Value), maxScenarioFile)
		if err != nil {
			p.probs = append(p.probs, fileProblem(pf.Line, path, err))
			return
		}
		text = data
	default:
		return
	}
	s.Params = string(text)
	set, err := hubrules.ParseParams(text)
	if err == nil && kindOK {
		err = kinds.CheckOverlay(k.Package, set)
	}
	var ie *hubrules.InputError
	switch {
	case errors.As(err, &ie):
		for _, f := range ie.Fields {
			f.Path = strings.TrimSuffix(path+"."+f.Path, ".")
			f.Message = hubrules.T(f.Message.ZH+p.of().ZH, f.Message.EN+p.of().EN)
			p.probs = append(p.probs, Problem{Line: node.Line, FieldError: f, DidYouMean: closestParam(f)})
		}
	case err != nil:
		p.add(node, path, "params", "", "", hubrules.T("参数文件无法读取"+p.of().ZH, "the parameter file cannot be read: "+err.Error()+p.of().EN))
	default:
		s.overlay = set
	}
}

// closestParam returns the parameter an unknown_param error suggests.
func closestParam(f hubrules.FieldError) string {
	if f.Code != "unknown_param" {
		return ""
	}
	if _, after, ok := strings.Cut(f.Message.EN, "did you mean "); ok {
		return strings.TrimSuffix(strings.Fields(after)[0], "?")
	}
	return ""
}

// input reads input or input_file as JSON.
func (p *parser) input(s *Scenario, c *yaml.Node, at string) {
	in, inf := mapValue(c, "input"), mapValue(c, "input_file")
	switch {
	case in != nil && inf != nil:
		p.add(inf, at+".input_file", "exclusive", "", "", hubrules.T("input 与 input_file 只能写一个"+p.of().ZH, "the case has both input and input_file"+p.of().EN))
	case inf != nil:
		s.inLine = inf.Line
		path := filepath.Join(filepath.Dir(p.file), inf.Value)
		data, ok := p.st.files[path]
		if !ok {
			var err error
			if data, err = readFile(path, maxInput); err != nil {
				p.probs = append(p.probs, fileProblem(inf.Line, at+".input_file", err))
				return
			}
			if !p.spend(inf, at+".input_file", len(data)) {
				return
			}
			p.st.files[path] = data
		}
		s.Input = data
	case in == nil:
		p.add(c, at+".input", "required", "", "", hubrules.T("缺少 input（输入）或 input_file（输入文件）"+p.of().ZH, "the case has no input (or input_file)"+p.of().EN))
	default:
		s.inLine = in.Line
		// Scalars are kept as written; the text is bounded by maxInput, so
		// that nested aliases cannot expand without end.
		var buf bytes.Buffer
		err := yamljson.Write(&buf, in, maxInput)
		var ne *yamljson.NodeError
		switch {
		case errors.Is(err, yamljson.ErrTooLarge):
			p.probs = append(p.probs, Problem{Line: in.Line, FieldError: sizeError(maxInput).Fields[0]})
			p.probs[len(p.probs)-1].Path = at + ".input"
		case errors.As(err, &ne):
			p.add(&yaml.Node{Line: ne.Line}, at+".input", "yaml", "", "", hubrules.T("input（输入）："+ne.ZH+p.of().ZH, "input: "+ne.EN+p.of().EN))
		case err != nil:
			p.add(in, at+".input", "yaml", "", "", hubrules.T("input（输入）无法读取"+p.of().ZH, "input: "+err.Error()+p.of().EN))
		default:
			if p.spend(in, at+".input", buf.Len()) {
				s.Input = buf.Bytes()
			}
		}
	}
}

// spend takes n bytes of input from the file's budget, or reports the
// case's input as one too many for its file.
func (p *parser) spend(n *yaml.Node, path string, size int) bool {
	p.st.budget -= size
	if p.st.budget >= 0 {
		return true
	}
	limit := strconv.Itoa(maxFileInputs)
	p.probs = append(p.probs, Problem{Line: n.Line, FieldError: hubrules.FieldError{Path: path, Code: "max_bytes", Param: limit,
		Message: hubrules.T("场景文件中各场景的输入合计超过上限 "+limit+" 字节"+p.of().ZH,
			"the inputs of the file's cases together exceed the limit of "+limit+" bytes"+p.of().EN)}})
	return false
}

// expect reads the expect mapping ex.
func (p *parser) expect(s *Scenario, ex *yaml.Node, at string) {
	if ex.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(ex.Content); i += 2 {
		s.lines[ex.Content[i].Value] = ex.Content[i].Line
	}
	if n := mapValue(ex, "compliant"); n != nil {
		var b bool
		if n.Tag != "!!bool" || n.Decode(&b) != nil {
			p.add(n, at+"compliant", "bool", n.Value, "", hubrules.T("compliant（是否合规）只能写 true 或 false，不能写 "+n.Value+p.of().ZH,
				"compliant must be true or false, not "+strconv.Quote(n.Value)+p.of().EN))
		} else {
			s.Expect.Compliant = &b
		}
	}
	if n := mapValue(ex, "grade"); n != nil {
		g := hubrules.Grade(n.Value)
		if n.Kind != yaml.ScalarNode || !g.Valid() {
			grades := []string{"1A", "2A", "3A", "4A", "5A"}
			best := hubrules.Closest(n.Value, grades)
			p.add(n, at+"grade", "enum", n.Value, best, hubrules.T("未知的等级 "+n.Value+"：应为 1A……5A 或 \"\""+hintZH(best)+p.of().ZH,
				"unknown grade "+strconv.Quote(n.Value)+hint(n.Value, grades)+p.of().EN))
		} else {
			s.Expect.Grade = &g
		}
	}
	s.Expect.Findings = p.rules(ex, at, "findings")
	s.Expect.NoFindings = p.rules(ex, at, "no_findings")
	s.Expect.Refused = p.rules(ex, at, "refused")
	s.Expect.State = scalar(mapValue(ex, "state"))
	s.Expect.Amounts = p.strMap(ex, at, "amounts", s.lines)
	s.Expect.Values = p.strMap(ex, at, "values", s.lines)
	if n := mapValue(ex, "error"); n != nil {
		s.Expect.HasError = true
		s.Expect.Error = p.strs(n, at+"error", "error")
	}
}

// rules reads a list of rule IDs, each a rule of the catalogue: a
// misspelt ID would otherwise never match, and a no_findings of it would
// pass for ever.
func (p *parser) rules(ex *yaml.Node, at, key string) []string {
	n := mapValue(ex, key)
	if n == nil {
		return nil
	}
	ids := p.strs(n, at+key, key)
	known := ruleIDs()
	for i, id := range ids {
		if contains(known, id) {
			continue
		}
		best := hubrules.Closest(id, known)
		line := n.Line
		if n.Kind == yaml.SequenceNode && i < len(n.Content) {
			line = n.Content[i].Line
		}
		p.add(&yaml.Node{Line: line}, fmt.Sprintf("%s%s[%d]", at, key, i), "unknown_rule", id, best,
			hubrules.T(keyLabel("expect", key).ZH+"中的规则编号 "+id+" 不存在"+hintZH(best)+p.of().ZH+"；运行 hubrules rules 查看全部",
				key+": no rule has the ID "+strconv.Quote(id)+hint(id, known)+p.of().EN+"; run hubrules rules for the list"))
	}
	return ids
}

// strs reads a scalar or a list of scalars.
func (p *parser) strs(n *yaml.Node, path, key string) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, path, "list", "", "", hubrules.T(key+"（"+keyLabel("expect", key).ZH+"）应为列表"+p.of().ZH, key+" must be a list"+p.of().EN))
		return nil
	}
	var out []string
	for i, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			p.add(c, fmt.Sprintf("%s[%d]", path, i), "text", "", "", hubrules.T(key+"（"+keyLabel("expect", key).ZH+"）的每一项应为文字"+p.of().ZH, key+": each item must be text"+p.of().EN))
			continue
		}
		out = append(out, c.Value)
	}
	return out
}

// strMap reads a mapping of texts, noting each key's line as "key.name".
func (p *parser) strMap(ex *yaml.Node, at, key string, lines map[string]int) map[string]string {
	n := mapValue(ex, key)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.add(n, at+key, "mapping", "", "", hubrules.T(key+"（"+keyLabel("expect", key).ZH+"）应为键值映射"+p.of().ZH, key+" must be a mapping"+p.of().EN))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			p.add(v, at+key+"."+k.Value, "text", "", "", hubrules.T(key+"（"+keyLabel("expect", key).ZH+"）中 "+k.Value+" 的值应为文字"+p.of().ZH, key+"."+k.Value+" must be text"+p.of().EN))
			continue
		}
		out[k.Value] = v.Value
		lines[key+"."+k.Value] = k.Line
	}
	return out
}

// ruleIDs returns the IDs of every rule of every package.
func ruleIDs() []string {
	var out []string
	for _, pkg := range kinds.Packages() {
		for _, r := range pkg.Rules {
			out = append(out, r.ID)
		}
	}
	return out
}

// ruleOf returns the rule with id from the catalogue.
func ruleOf(id string) (hubrules.Rule, bool) {
	for _, pkg := range kinds.Packages() {
		if r, ok := pkg.Rules.Lookup(id); ok {
			return r, true
		}
	}
	return hubrules.Rule{}, false
}

func nodeOr(n, def *yaml.Node) *yaml.Node {
	if n != nil {
		return n
	}
	return def
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlProblem is a file that is not YAML, at the line the YAML library
// names.
func yamlProblem(err error) Problem {
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	detail := yamlLine.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
	detail = strings.TrimLeft(detail, ": ")
	zh := "不是有效的 YAML：请检查缩进、冒号和引号"
	if strings.Contains(detail, "cannot start any token") {
		zh = "不是有效的 YAML：有一个不能开始记号的字符（如制表符：YAML 只能用空格缩进）"
	}
	return Problem{Line: line, FieldError: hubrules.FieldError{Code: "yaml",
		Message: hubrules.T(zh, "not valid YAML: "+detail)}}
}

// fileProblem is a file that cannot be read (a scenario file, an
// input_file or a params_file).
func fileProblem(line int, path string, err error) Problem {
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		f := ie.Fields[0]
		f.Path = path
		return Problem{Line: line, FieldError: f}
	}
	fe := hubrules.FieldError{Path: path, Code: "file"}
	var pe *fs.PathError
	name := ""
	if errors.As(err, &pe) {
		name = pe.Path
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fe.Message = hubrules.T("文件不存在："+name, "no such file: "+name)
	case errors.Is(err, fs.ErrPermission):
		fe.Message = hubrules.T("没有读取权限："+name, "permission denied: "+name)
	default:
		fe.Message = hubrules.T("无法读取文件："+name, "cannot read the file: "+err.Error())
	}
	return Problem{Line: line, FieldError: fe}
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

// maxInput is the largest input file or input read: the CLI's default
// limit.
var maxInput = hubrules.DefaultLimits().MaxBytes

// maxScenarioFile is the largest scenario file (and params_file) read: as
// a parameter file, 4 MiB of YAML, whose parsed nodes take some forty
// times their text.
const maxScenarioFile = hubrules.MaxParamBytes

// readFile reads the file at path through a limited reader: a file over
// limit bytes (or an endless one) is refused with max_bytes, never held
// whole.
func readFile(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, sizeError(limit)
	}
	return data, nil
}

func sizeError(limit int) *hubrules.InputError {
	return hubrules.NewInputError(hubrules.FieldError{Code: "max_bytes", Param: strconv.Itoa(limit),
		Message: hubrules.T("超过大小上限 "+strconv.Itoa(limit)+" 字节", "exceeds the size limit of "+strconv.Itoa(limit)+" bytes")})
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

// hintZH returns "；是否想写 x？" for a suggestion best ("" for none).
func hintZH(best string) string {
	if best == "" {
		return ""
	}
	return "；是否想写 " + best + "？"
}

// hint returns `; did you mean "x"?` for the known word closest to s, when
// one is close enough (hubrules.Closest).
func hint(s string, known []string) string {
	if best := hubrules.Closest(s, known); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}
