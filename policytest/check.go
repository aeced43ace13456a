package policytest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// Status is how a scenario ended.
type Status string

// The statuses of a scenario.
const (
	// Passed: the decision met every expectation.
	Passed Status = "pass"
	// Failed: the decision was made, and at least one expectation was
	// not met (Result.Failures says which).
	Failed Status = "fail"
	// Errored: the scenario could not be run as written — an unknown
	// key, a malformed value, an input the decision refused without the
	// scenario expecting it (Result.Errors says what).
	Errored Status = "error"
	// Skipped: the scenario was not selected (Options.Run).
	Skipped Status = "skipped"
)

// Result is what running one scenario gave: where it is, how it ended, and
// for a failure what was expected, what the decision said, and the
// findings and parameters that decided it.
type Result struct {
	File      string             `json:"file"`
	Line      int                `json:"line"`
	Name      string             `json:"name"`
	Kind      string             `json:"kind,omitempty"`
	Programme hubrules.Programme `json:"programme,omitempty"`
	Date      hubrules.Date      `json:"date,omitzero"`
	Status    Status             `json:"status"`
	// Failures are the expectations not met (status fail).
	Failures []Failure `json:"failures,omitempty"`
	// Errors are why the scenario could not be run (status error).
	Errors []Problem `json:"errors,omitempty"`
	// Outcome is the decision's outcome (status fail).
	Outcome hubrules.DecisionOutcome `json:"outcome,omitempty"`
	// Findings are every finding of the decision, each with its facts
	// and its rule's citation (status fail).
	Findings []hubrules.Finding `json:"findings,omitempty"`
	// Params are the parameters the decision used, with their values,
	// sources and confidence (status fail).
	Params []hubrules.ParamRef `json:"params,omitempty"`
	// Rerun is the command that runs this scenario alone.
	Rerun string `json:"rerun"`
}

// Failure is one expectation a decision did not meet.
type Failure struct {
	// Key is the expectation: "compliant", "findings", "amounts.fee",
	// "values.organizations.0.meets", …
	Key string `json:"key"`
	// Line is the line of the expectation in the scenario file.
	Line int `json:"line"`
	// Want is what the scenario expected, Got what the decision said.
	Want string `json:"want"`
	Got  string `json:"got"`
	// Message says it in Chinese and English.
	Message hubrules.Text `json:"message"`
	// Rule is the rule the expectation names (findings, no_findings,
	// refused), with its title and citation.
	Rule *RuleRef `json:"rule,omitempty"`
	// Checks are the decision's checks of Rule: what it said of each
	// subject (none when the kind does not check the rule).
	Checks []hubrules.Check `json:"checks,omitempty"`
	// Findings are the decision's findings of Rule, with their facts.
	Findings []hubrules.Finding `json:"findings,omitempty"`
	// Params are the parameters of Rule (the rule catalogue's) that the
	// decision used.
	Params []hubrules.ParamRef `json:"params,omitempty"`
}

// RuleRef names a rule: its ID, its title and the document and article it
// comes from.
type RuleRef struct {
	ID       string        `json:"id"`
	Title    hubrules.Text `json:"title"`
	Citation hubrules.Text `json:"citation"`
}

// Check evaluates the case and returns, in English, why it could not run
// or what differs from its expectations, each as "key: message" (nothing
// when it passes).
func (s Scenario) Check() []string {
	r := s.Evaluate()
	var out []string
	for _, p := range r.Errors {
		out = append(out, p.Message.EN)
	}
	for _, f := range r.Failures {
		out = append(out, f.Key+": "+f.Message.EN)
	}
	return out
}

// Evaluate runs the case: the decision of its kind on its input, with its
// programme, date and parameter overrides, and every expectation checked.
// Its Rerun is left to the runner (RunFiles), which knows the path the
// file was given by.
func (s Scenario) Evaluate() Result {
	r := Result{File: s.File, Line: s.Line, Name: s.Name, Kind: s.Kind, Programme: s.Programme, Date: s.Date}
	if len(s.Problems) > 0 {
		r.Status, r.Errors = Errored, s.Problems
		return r
	}
	k, ok := kinds.Lookup(s.Kind)
	if !ok {
		r.Status = Errored
		r.Errors = []Problem{{Line: s.Line, FieldError: hubrules.FieldError{Path: "kind", Code: "enum", Value: s.Kind,
			Message: hubrules.T("未知的决定种类 "+s.Kind, "unknown kind "+s.Kind)}}}
		return r
	}
	env := kinds.Env{Programme: s.Programme, Date: s.Date}
	overlay := s.overlay
	if overlay == nil && s.Params != "" {
		// A Scenario built in Go rather than parsed.
		set, err := hubrules.ParseParams([]byte(s.Params))
		if err == nil {
			err = kinds.CheckOverlay(k.Package, set)
		}
		if err != nil {
			r.Status, r.Errors = Errored, errorProblems(s.Line, "params", err)
			return r
		}
		overlay = set
	}
	if overlay != nil {
		env.Overlays = []*hubrules.ParamSet{overlay}
	}
	in := k.Input()
	err := hubrules.DecodeJSON(s.Input, in)
	var out kinds.Outcome
	if err == nil {
		out, err = k.Eval(env, in)
	}
	if s.Expect.HasError {
		r.Failures = s.checkError(err, out)
	} else if err != nil {
		r.Status, r.Errors = Errored, errorProblems(s.inLine, "input", err)
		for i := range r.Errors {
			if f := &r.Errors[i]; f.Code == "unknown_field" {
				f.DidYouMean = nearestField(reflect.TypeOf(k.Input()), strings.TrimPrefix(f.Path, "input."))
				if f.DidYouMean != "" {
					f.Message = hubrules.T(f.Message.ZH+"；是否想写 "+f.DidYouMean+"？", f.Message.EN+"; did you mean "+strconv.Quote(f.DidYouMean)+"?")
				}
			}
		}
		return r
	} else {
		r.Failures = s.compare(out)
	}
	if len(r.Failures) == 0 {
		r.Status = Passed
		return r
	}
	r.Status = Failed
	if err == nil {
		r.Outcome, r.Findings, r.Params = out.Verdict, out.Report.Findings, out.Report.Basis.Params
	}
	return r
}

// errorProblems turns an evaluation's error into problems: an input
// error's fields under prefix, anything else as one internal problem.
func errorProblems(line int, prefix string, err error) []Problem {
	var ie *hubrules.InputError
	if !errors.As(err, &ie) {
		return []Problem{{Line: line, FieldError: hubrules.FieldError{Path: prefix, Code: "internal",
			Message: hubrules.T("内部错误："+err.Error(), "internal error: "+err.Error())}}}
	}
	out := make([]Problem, len(ie.Fields))
	for i, f := range ie.Fields {
		f.Path = strings.TrimSuffix(prefix+"."+f.Path, ".")
		f.Message = hubrules.T("输入被拒绝："+f.Message.ZH, "the input was refused: "+f.Message.EN)
		out[i] = Problem{Line: line, FieldError: f}
	}
	return out
}

// nearestField returns the field of the input type t nearest to the
// unknown field at path ("organizations[0].formal_membres" →
// "formal_members"), following the JSON names of struct fields, slices and
// maps; "" when there is none near enough.
func nearestField(t reflect.Type, path string) string {
	parts := strings.Split(path, ".")
	for _, part := range parts[:len(parts)-1] {
		name, _, indexed := strings.Cut(part, "[")
		t = fieldType(t, name)
		for ; indexed && t != nil; indexed = false {
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
				t = t.Elem()
			}
		}
		if t == nil {
			return ""
		}
	}
	return hubrules.Closest(parts[len(parts)-1], jsonFields(t))
}

// fieldType returns the type of the field of struct t whose JSON name is
// name (nil when there is none).
func fieldType(t reflect.Type, name string) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Tag.Get("json") == "" {
			if ft := fieldType(f.Type, name); ft != nil {
				return ft
			}
			continue
		}
		if jsonName(f) == name {
			return f.Type
		}
	}
	return nil
}

// jsonFields returns the JSON names of the fields of struct t.
func jsonFields(t reflect.Type) []string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Tag.Get("json") == "" {
			out = append(out, jsonFields(f.Type)...)
		} else if n := jsonName(f); n != "-" && f.IsExported() {
			out = append(out, n)
		}
	}
	return out
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "" {
		return f.Name
	}
	return name
}

// checkError checks the expectation "error": the input is refused with an
// error naming each path.
func (s Scenario) checkError(err error, out kinds.Outcome) []Failure {
	line := s.lines["error"]
	want := strings.Join(s.Expect.Error, ", ")
	var ie *hubrules.InputError
	if !errors.As(err, &ie) {
		got := string(out.Verdict)
		zhGot := "输入被接受，决定为" + out.Verdict.Name().ZH
		if err != nil {
			got, zhGot = err.Error(), "出现内部错误："+err.Error()
		}
		return []Failure{{Key: "error", Line: line, Want: want, Got: got,
			Message: hubrules.T("预期输入被拒绝并指出 "+want+"，但"+zhGot,
				fmt.Sprintf("want an input error naming %v, got %v", s.Expect.Error, orOutcome(err, out)))}}
	}
	var named []string
	for _, f := range ie.Fields {
		named = append(named, f.Path)
	}
	var fs []Failure
	for _, path := range s.Expect.Error {
		if _, found := ie.Field(path); !found {
			fs = append(fs, Failure{Key: "error", Line: line, Want: path, Got: strings.Join(named, ", "),
				Message: hubrules.T("输入被拒绝，但错误没有指出 "+path+"；指出的是："+strings.Join(ie.Messages(hubrules.ZH), "；"),
					fmt.Sprintf("the input error does not name %s: %v", path, ie))})
		}
	}
	return fs
}

func orOutcome(err error, out kinds.Outcome) any {
	if err != nil {
		return err
	}
	return "outcome " + string(out.Verdict)
}

// compare checks every expectation but "error" against the outcome.
func (s Scenario) compare(out kinds.Outcome) []Failure {
	var fs []Failure
	found := idList(out.Findings)
	if c := s.Expect.Compliant; c != nil && *c != out.Compliant {
		zh := "预期合规，决定为" + out.Verdict.Name().ZH + "（违规：" + found.zh + "）"
		if !*c {
			zh = "预期不合规，决定为" + out.Verdict.Name().ZH
		}
		fs = append(fs, Failure{Key: "compliant", Line: s.lines["compliant"], Want: fmt.Sprint(*c), Got: fmt.Sprint(out.Compliant),
			Message: hubrules.T(zh, fmt.Sprintf("got %v, want %v (findings %v)", out.Compliant, *c, out.Findings))})
	}
	for _, id := range s.Expect.Findings {
		if !contains(out.Findings, id) {
			fs = append(fs, s.ruleFailure(out, "findings", id, found.en,
				hubrules.T("预期违反 "+id+"，决定中没有这项违规（决定中的违规："+found.zh+"）", fmt.Sprintf("want %s, got %v", id, out.Findings))))
		}
	}
	for _, id := range s.Expect.NoFindings {
		if contains(out.Findings, id) {
			fs = append(fs, s.ruleFailure(out, "no_findings", id, found.en,
				hubrules.T("预期不违反 "+id+"，决定中却有这项违规", fmt.Sprintf("did not want %s, got %v", id, out.Findings))))
		}
	}
	if g := s.Expect.Grade; g != nil && *g != out.Grade {
		fs = append(fs, Failure{Key: "grade", Line: s.lines["grade"], Want: string(*g), Got: string(out.Grade),
			Message: hubrules.T("预期等级 "+gradeZH(*g)+"，决定为 "+gradeZH(out.Grade), fmt.Sprintf("got %q, want %q", out.Grade, *g))})
	}
	for _, name := range sortedKeys(s.Expect.Amounts) {
		want := s.Expect.Amounts[name]
		got, ok := out.Amounts[name]
		key := "amounts." + name
		switch {
		case !ok:
			have := sortedKeys(out.Amounts)
			fs = append(fs, Failure{Key: key, Line: s.lines[key], Want: want,
				Message: hubrules.T("结果中没有名为 "+name+" 的金额（有："+strings.Join(have, "、")+"）",
					fmt.Sprintf("no amount %s in the result (it has %v)", name, have))})
		case !sameAmount(got, want):
			fs = append(fs, Failure{Key: key, Line: s.lines[key], Want: want, Got: got,
				Message: hubrules.T("预期 "+want+" 元，决定为 "+got+" 元", fmt.Sprintf("got %s, want %s", got, want))})
		}
	}
	refused := idList(out.Refused)
	for _, id := range s.Expect.Refused {
		if !contains(out.Refused, id) {
			fs = append(fs, s.ruleFailure(out, "refused", id, refused.en,
				hubrules.T("预期因 "+id+" 未满足而被拒绝，决定中未满足的标准是："+refused.zh,
					fmt.Sprintf("want %s among the unmet criteria, got %v", id, out.Refused))))
		}
	}
	if s.Expect.State != "" && s.Expect.State != out.State {
		fs = append(fs, Failure{Key: "state", Line: s.lines["state"], Want: s.Expect.State, Got: out.State,
			Message: hubrules.T("预期转换后的阶段为 "+s.Expect.State+"，决定后为 "+out.State, fmt.Sprintf("got %q, want %q", out.State, s.Expect.State))})
	}
	return append(fs, s.compareValues(out)...)
}

// compareValues checks the expectation "values" against the JSON result.
func (s Scenario) compareValues(out kinds.Outcome) []Failure {
	if len(s.Expect.Values) == 0 {
		return nil
	}
	raw, err := json.Marshal(out.Value)
	if err != nil {
		return []Failure{{Key: "values", Line: s.lines["values"], Message: hubrules.T("结果无法写成 JSON", "result cannot be marshalled: "+err.Error())}}
	}
	var generic any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	_ = dec.Decode(&generic)
	var fs []Failure
	for _, path := range sortedKeys(s.Expect.Values) {
		want := s.Expect.Values[path]
		key := "values." + path
		got, ok := lookupPath(generic, path)
		switch {
		case !ok:
			fs = append(fs, Failure{Key: key, Line: s.lines[key], Want: want,
				Message: hubrules.T("结果中没有路径 "+path+"（hubrules "+s.Kind+" 的输出中 result 的结构见 hubrules schema "+strings.ReplaceAll(s.Kind, " ", "-")+" --output）",
					"no such path in the result")})
		case got != want:
			fs = append(fs, Failure{Key: key, Line: s.lines[key], Want: want, Got: got,
				Message: hubrules.T("预期 "+want+"，决定为 "+got, fmt.Sprintf("got %s, want %s", got, want))})
		}
	}
	return fs
}

// ruleFailure is the failure of an expectation naming rule id, with the
// rule's title and citation, the decision's checks and findings of it and
// the parameters of it the decision used.
func (s Scenario) ruleFailure(out kinds.Outcome, key, id, got string, msg hubrules.Text) Failure {
	f := Failure{Key: key, Line: s.lines[key], Want: id, Got: got, Message: msg,
		Rule: &RuleRef{ID: id, Citation: hubrules.Finding{Rule: id}.Citation()}}
	rule, _ := ruleOf(id)
	f.Rule.Title = rule.Title
	for _, c := range out.Report.Checks {
		if c.Rule == id {
			f.Checks = append(f.Checks, c)
		}
	}
	f.Findings = out.Report.FindingsFor(id)
	for _, p := range out.Report.Basis.Params {
		if contains(rule.Params, p.Name) {
			f.Params = append(f.Params, p)
		}
	}
	return f
}

// ids is a list of rule IDs written for a message.
type ids struct{ zh, en string }

func idList(list []string) ids {
	if len(list) == 0 {
		return ids{"无", "[]"}
	}
	return ids{strings.Join(list, "、"), fmt.Sprint(list)}
}

func gradeZH(g hubrules.Grade) string {
	if g == hubrules.NoGrade {
		return "无等级"
	}
	return string(g)
}
