package policytest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"go.yaml.in/yaml/v3"
)

// Options are the options of RunFiles.
type Options struct {
	// Run, when not nil, selects the scenarios whose name it matches; the
	// others are skipped. A problem of a whole file, or of a case without
	// a name, is reported whatever Run says.
	Run *regexp.Regexp
	// Command is the program named in each Result's Rerun ("hubrules"
	// when empty).
	Command string
}

// Summary counts the scenarios by status.
type Summary struct {
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Errors  int `json:"errors"`
	Skipped int `json:"skipped"`
}

// Results are what running scenario files gave: one Result per scenario
// (and one per file that could not be read as a whole), in the order of
// the files (sorted) and of the cases in each, and their counts. It is the
// JSON that `hubrules test --format json` writes.
type Results struct {
	Results []Result `json:"results"`
	Summary Summary  `json:"summary"`
}

// OK reports whether every scenario run passed (and at least one ran).
func (r Results) OK() bool {
	s := r.Summary
	return s.Failed == 0 && s.Errors == 0 && s.Passed > 0
}

// RunFiles runs the scenario files that paths name — files, folders
// (every .yaml and .yml file under them but parameter files, which a
// params_file names) and glob patterns — and returns every scenario's
// result (Stream gives them one at a time instead). A problem never stops
// the run: a file that cannot be read or parsed is one error result, a
// case with an unknown key is one error result, and the other cases still
// run. It is the one implementation of the scenario semantics: Run and
// `hubrules test` call it, through Stream.
func RunFiles(paths []string, opt Options) Results {
	out := Results{Results: []Result{}}
	out.Summary, _ = Stream(paths, opt, func(r Result) error {
		out.Results = append(out.Results, r)
		return nil
	})
	return out
}

// Stream runs the scenario files that paths name as RunFiles does, but
// hands each result to each as soon as it is known and keeps none, so
// that any number of scenarios runs in bounded memory. It stops at the
// first error each returns (a failed write), and returns it with the
// counts so far.
func Stream(paths []string, opt Options, each func(Result) error) (Summary, error) {
	var sum Summary
	emit := func(r Result) error {
		r.Rerun = rerun(opt.Command, r.File, r.Name)
		switch r.Status {
		case Passed:
			sum.Passed++
		case Failed:
			sum.Failed++
		case Errored:
			sum.Errors++
		case Skipped:
			sum.Skipped++
		}
		return each(r)
	}
	files, found, missing := expand(paths)
	for _, r := range missing {
		if err := emit(r); err != nil {
			return sum, err
		}
	}
	for _, f := range files {
		data, err := readFile(f, maxScenarioFile)
		if err != nil {
			if err := emit(Result{File: f, Status: Errored, Errors: []Problem{fileProblem(0, "", err)}}); err != nil {
				return sum, err
			}
			continue
		}
		if found[f] && isParamFile(data) {
			// A parameter file beside the scenarios (params_file).
			continue
		}
		scenarios, probs := ParseFile(f, data)
		if len(probs) > 0 {
			if err := emit(Result{File: f, Line: probs[0].Line, Status: Errored, Errors: probs}); err != nil {
				return sum, err
			}
		}
		for i, s := range scenarios {
			r := Result{File: f, Line: s.Line, Name: s.Name, Kind: s.Kind, Programme: s.Programme, Date: s.Date, Status: Skipped}
			if opt.Run == nil || s.Name == "" || opt.Run.MatchString(s.Name) {
				r = s.Evaluate()
			}
			scenarios[i] = Scenario{} // its input is no longer needed
			if err := emit(r); err != nil {
				return sum, err
			}
		}
	}
	return sum, nil
}

// isParamFile reports whether data is a parameter file (a top-level
// "parameters" and no "cases"), which a folder may hold beside its
// scenario files for their params_file.
func isParamFile(data []byte) bool {
	var top map[string]yaml.Node
	if yaml.Unmarshal(data, &top) != nil {
		return false
	}
	_, params := top["parameters"]
	_, cases := top["cases"]
	return params && !cases
}

// expand returns the scenario files of paths, sorted and each once, which
// of them were found in a folder, and an error result for each path that
// names nothing.
func expand(paths []string) ([]string, map[string]bool, []Result) {
	seen, inFolder := map[string]bool{}, map[string]bool{}
	var files []string
	var missing []Result
	addFile := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil || len(m) == 0 {
				missing = append(missing, notFound(p))
				continue
			}
			matches = m
		}
		for _, m := range matches {
			fi, err := os.Stat(m)
			switch {
			case err != nil:
				missing = append(missing, notFound(m))
			case fi.IsDir():
				n := 0
				_ = filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() && isScenarioFile(path) {
						addFile(path)
						inFolder[path] = true
						n++
					}
					return nil
				})
				if n == 0 {
					missing = append(missing, Result{File: m, Status: Errored, Errors: []Problem{{FieldError: hubrules.FieldError{Code: "no_files",
						Message: hubrules.T("文件夹 "+m+" 中没有场景文件（.yaml 或 .yml）", "the folder "+m+" holds no scenario file (.yaml or .yml)")}}}})
				}
			default:
				addFile(m)
			}
		}
	}
	sort.Strings(files)
	return files, inFolder, missing
}

func isScenarioFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

func notFound(p string) Result {
	return Result{File: p, Status: Errored, Errors: []Problem{{FieldError: hubrules.FieldError{Code: "not_found", Value: p,
		Message: hubrules.T("没有与 "+p+" 相符的场景文件", "no scenario file matches "+p)}}}}
}

// rerun returns the command that runs the scenario name of file alone
// (the whole file when the case has no name), quoted for a POSIX shell.
func rerun(command, file, name string) string {
	if command == "" {
		command = "hubrules"
	}
	out := command + " test " + shellQuote(file)
	if name != "" {
		out += " --run " + shellQuote("^"+regexp.QuoteMeta(name)+"$")
	}
	return out
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Run runs every case of the scenario files that paths name (files,
// folders, glob patterns; see RunFiles) as a subtest named "file/case".
// A failing case reports what `hubrules test` reports: the file and line,
// the rule and its citation, what was expected and what the decision
// said, the findings and parameters that decided it, and the command that
// reruns it; messages are in Chinese (RunIn for English).
func Run(t *testing.T, paths ...string) {
	t.Helper()
	RunIn(t, hubrules.ZH, paths...)
}

// RunIn is Run with its messages in lang.
func RunIn(t *testing.T, lang hubrules.Lang, paths ...string) {
	t.Helper()
	_, _ = Stream(paths, Options{}, func(r Result) error {
		if r.Name == "" {
			t.Error(strings.TrimRight(r.Text(lang), "\n"))
			return nil
		}
		t.Run(filepath.Base(r.File)+"/"+r.Name, func(t *testing.T) {
			if r.Status != Passed {
				t.Error(strings.TrimRight(r.Text(lang), "\n"))
			}
		})
		return nil
	})
}

// statusLabels are how each status is written in text, in Chinese and
// English.
var statusLabels = map[Status]hubrules.Text{
	Passed: hubrules.T("通过", "PASS"), Failed: hubrules.T("未通过", "FAIL"),
	Errored: hubrules.T("出错", "ERROR"), Skipped: hubrules.T("跳过", "SKIP"),
}

// Text returns the result for people in lang: a line "status file:line
// name" and, for a failure or an error, what went wrong and how to rerun
// the scenario alone.
func (r Result) Text(lang hubrules.Lang) string {
	var b strings.Builder
	zh := lang != hubrules.EN
	pick := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	fmt.Fprintf(&b, "%s %s", statusLabels[r.Status].In(lang), r.File)
	if r.Line > 0 {
		fmt.Fprintf(&b, ":%d", r.Line)
	}
	if r.Name != "" {
		b.WriteString("  " + r.Name)
	}
	b.WriteString("\n")
	if r.Status != Failed && r.Status != Errored {
		return b.String()
	}
	for _, p := range r.Errors {
		b.WriteString("    ")
		if p.Line > 0 {
			b.WriteString(pick(fmt.Sprintf("第 %d 行 ", p.Line), fmt.Sprintf("line %d ", p.Line)))
		}
		if p.Path != "" {
			b.WriteString(p.Path + pick("：", ": "))
		}
		b.WriteString(p.Message.In(lang) + "\n")
	}
	allParams := false
	for _, f := range r.Failures {
		b.WriteString("    ")
		if f.Line > 0 {
			b.WriteString(pick(fmt.Sprintf("第 %d 行 ", f.Line), fmt.Sprintf("line %d ", f.Line)))
		}
		b.WriteString("expect." + f.Key + pick("：", ": ") + f.Message.In(lang) + "\n")
		if f.Rule != nil {
			b.WriteString("      " + pick("规则 ", "rule ") + f.Rule.ID + " " + f.Rule.Title.In(lang))
			if !f.Rule.Citation.IsZero() {
				b.WriteString(pick(" 依据", " per ") + f.Rule.Citation.In(lang))
			}
			b.WriteString("\n")
			writeChecks(&b, f.Checks, lang, pick)
			for _, x := range f.Findings {
				b.WriteString("      " + x.Describe(lang) + "\n")
			}
			writeParams(&b, "      ", pick("该规则的参数：", "the rule's parameters:"), f.Params, lang)
		} else if f.Key != "compliant" && f.Key != "error" {
			allParams = true
		}
	}
	if r.Status == Failed && r.Outcome != "" {
		b.WriteString("    " + pick("决定："+r.Outcome.Name().ZH+"（"+string(r.Outcome)+"）", "decision: "+string(r.Outcome)) + "\n")
		for _, x := range r.Findings {
			b.WriteString("      " + x.Describe(lang) + "\n")
		}
		if allParams {
			writeParams(&b, "    ", pick("所用参数：", "parameters used:"), r.Params, lang)
		}
	}
	b.WriteString("    " + pick("单独重跑：", "rerun alone: ") + r.Rerun + "\n")
	return b.String()
}

// writeChecks writes what the decision said of each subject of a rule.
func writeChecks(b *strings.Builder, checks []hubrules.Check, lang hubrules.Lang, pick func(z, e string) string) {
	if len(checks) == 0 {
		b.WriteString("      " + pick("该决定种类没有检查这条规则", "this kind of decision did not check the rule") + "\n")
		return
	}
	var parts []string
	for _, c := range checks {
		label := c.Outcome.Name().In(lang)
		if c.Subject != "" {
			label = c.Subject + pick(" ", ": ") + label
		}
		parts = append(parts, label)
	}
	b.WriteString("      " + pick("检查：", "checked: ") + strings.Join(parts, pick("；", "; ")) + "\n")
}

// maxValueText is the longest parameter value written in text, in
// characters: a longer one (a score sheet) is cut with "…" (the JSON
// output has it whole).
const maxValueText = 72

// writeParams writes parameters as "name=value unit (programme, from
// date, confidence)".
func writeParams(b *strings.Builder, indent, head string, params []hubrules.ParamRef, lang hubrules.Lang) {
	if len(params) == 0 {
		return
	}
	b.WriteString(indent + head + "\n")
	for _, p := range params {
		v := p.Value
		if r := []rune(v); len(r) > maxValueText {
			v = string(r[:maxValueText]) + "…"
		}
		if p.Unit != "" {
			v += " " + p.Unit
		}
		if lang == hubrules.EN {
			fmt.Fprintf(b, "%s  %s=%s (%s, from %s, %s)\n", indent, p.Name, v, p.Programme, p.From, p.Confidence)
		} else {
			fmt.Fprintf(b, "%s  %s=%s（%s，自 %s 起，%s）\n", indent, p.Name, v, p.Programme, p.From, p.Confidence.Name().ZH)
		}
	}
}

// Text returns every result for people in lang (skipped scenarios only
// counted) and the summary line.
func (r Results) Text(lang hubrules.Lang) string {
	var b strings.Builder
	for _, x := range r.Results {
		if x.Status != Skipped {
			b.WriteString(x.Text(lang))
		}
	}
	b.WriteString(r.Summary.Text(lang))
	return b.String()
}

// Text returns the summary line in lang: "N passed, N failed, N errors, N
// skipped".
func (s Summary) Text(lang hubrules.Lang) string {
	if lang == hubrules.EN {
		return fmt.Sprintf("%d passed, %d failed, %d %s, %d skipped\n", s.Passed, s.Failed, s.Errors, plural(s.Errors, "error", "errors"), s.Skipped)
	}
	return fmt.Sprintf("%d 个通过，%d 个未通过，%d 个出错，%d 个跳过\n", s.Passed, s.Failed, s.Errors, s.Skipped)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
