package pages

import (
	"net/http"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// packageNames are the rule packages as the catalogue heads them.
var packageNames = map[string]hubrules.Text{
	"hub":        hubrules.T("枢纽型党建：党组织覆盖、交叉任职与六同步", "hub party building: coverage, cross-appointment and the six synchronizations"),
	"incubation": hubrules.T("社会组织孵化：入壳、孵化、出壳、参与治理", "incubation: move-in, incubation, graduation, governance"),
	"grading":    hubrules.T("评估与等级", "evaluation and grading"),
	"funding":    hubrules.T("资金：费用、预算、购买服务与基金", "funding: fees, budgets, purchased services and funds"),
}

// PackageName is the heading of a rule package.
func (b base) PackageName(pkg string) string {
	if n, ok := packageNames[pkg]; ok {
		return b.T(n) + " (" + pkg + ")"
	}
	return pkg
}

type ruleGroup struct {
	Package string
	Rules   []hubrules.Rule
}

type indexData struct {
	base
	Q      string
	Groups []ruleGroup
	Found  int
	Total  int
}

// matches reports whether rule r is found by the search q: its ID, its
// Chinese or its English title contains q (case-insensitive).
func matches(r hubrules.Rule, q string) bool {
	if q == "" {
		return true
	}
	q = strings.ToLower(q)
	for _, s := range []string{r.ID, r.Title.ZH, r.Title.EN} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// index answers GET /: the catalogue, grouped by package, searched with
// ?q= (a GET form: no JavaScript needed).
func (p *Pages) index(w http.ResponseWriter, r *http.Request) {
	lang := LangOf(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		q = q[:200]
	}
	d := indexData{base: newBase(r, lang, "rules", hubrules.T("规则目录", "Rule catalogue")), Q: q}
	for _, pkg := range kinds.Packages() {
		g := ruleGroup{Package: pkg.Name}
		for _, rule := range pkg.Rules {
			d.Total++
			if matches(rule, q) {
				g.Rules = append(g.Rules, rule)
			}
		}
		d.Found += len(g.Rules)
		if len(g.Rules) > 0 {
			d.Groups = append(d.Groups, g)
		}
	}
	p.render(w, http.StatusOK, "index", lang, d)
}

// dateParam reads the date of query parameter name, today by default;
// a malformed date is a field error and today is used.
func (p *Pages) dateParam(r *http.Request, name string, def hubrules.Date, probs *hubrules.Problems) hubrules.Date {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return def
	}
	d, err := hubrules.ParseDate(v)
	if err != nil {
		probs.Add(name, "date", v, hubrules.T("日期应写作 YYYY-MM-DD："+v, "the date must be YYYY-MM-DD: "+v))
		return def
	}
	return d
}

// programmeParam reads the programme of query parameter name.
func programmeParam(r *http.Request, name string, def hubrules.Programme, probs *hubrules.Problems) hubrules.Programme {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return def
	}
	prog, err := hubrules.ParseProgramme(name, v)
	if err != nil {
		probs.Merge("", err)
		return def
	}
	return prog
}

func (p *Pages) today() hubrules.Date { return hubrules.DateOf(p.cfg.Clock()) }

// dated is one value of a parameter's timeline, marked when it is the one
// in force on the page's date.
type dated struct {
	hubrules.ParamRef
	InForce bool
}

// programmeLine is a parameter's values for one programme, oldest first,
// and what is in force on the page's date: a value (perhaps National's),
// or not in force with the reason.
type programmeLine struct {
	Programme  hubrules.Programme
	Values     []dated
	Now        *hubrules.ParamRef
	NotInForce hubrules.Text
}

type paramTimeline struct {
	Name        string
	Description hubrules.Text
	Unit        string
	Lines       []programmeLine
}

// inForceRow is one programme's row of the rule page's grid: the rule is
// in force on the date when each of its parameters has a value then.
type inForceRow struct {
	Programme hubrules.Programme
	Outcome   hubrules.Outcome
	Cells     []*hubrules.ParamRef
}

type ruleData struct {
	base
	Rule   hubrules.Rule
	Date   hubrules.Date
	Fields []hubrules.FieldError
	Params []paramTimeline
	Grid   []inForceRow
}

// rule answers GET /rules/{id}?date=: the rule, its source, its
// parameters' timelines per programme and what is in force on the date.
func (p *Pages) rule(w http.ResponseWriter, r *http.Request) {
	lang := LangOf(r)
	id := r.PathValue("id")
	entry, pkg, ok := kinds.Explain(id)
	if !ok {
		p.notFound(w, r, lang, hubrules.NewInputError(hubrules.FieldError{Path: "id", Code: "unknown_rule", Value: id,
			Message: hubrules.T("未知的规则编号 "+id+"；规则目录列出全部", "unknown rule ID "+id+"; the catalogue lists them all")}))
		return
	}
	var probs hubrules.Problems
	d := ruleData{base: newBase(r, lang, "rules", hubrules.T(entry.ID+" "+entry.Title.ZH, entry.ID+" "+entry.Title.EN)), Rule: entry.Rule}
	d.Date = p.dateParam(r, "date", p.today(), &probs)
	d.Fields = fieldsOf(probs.Err())
	for _, prog := range hubrules.Programmes() {
		d.Grid = append(d.Grid, inForceRow{Programme: prog, Outcome: hubrules.Pass})
	}
	for _, pe := range entry.ParamValues {
		set := setOf(pkg, pe.Name)
		tl := paramTimeline{Name: pe.Name, Description: pe.Description, Unit: pe.Unit}
		for i, prog := range hubrules.Programmes() {
			line := programmeLine{Programme: prog}
			if ref, err := set.Lookup(pe.Name, prog, d.Date); err == nil {
				line.Now = &ref
			} else {
				line.NotInForce = notInForceText(err)
				d.Grid[i].Outcome = hubrules.NotInForce
			}
			d.Grid[i].Cells = append(d.Grid[i].Cells, line.Now)
			for _, v := range pe.Values {
				if v.Programme == prog {
					now := line.Now != nil && line.Now.Programme == prog && line.Now.From == v.From
					line.Values = append(line.Values, dated{ParamRef: v, InForce: now})
				}
			}
			tl.Lines = append(tl.Lines, line)
		}
		d.Params = append(d.Params, tl)
	}
	if len(entry.ParamValues) == 0 {
		d.Grid = nil
	}
	p.render(w, statusOf(d.Fields), "rule", lang, d)
}

// setOf returns the parameter set of pkg that holds name.
func setOf(pkg kinds.Package, name string) *hubrules.ParamSet {
	for _, s := range pkg.DefaultSets() {
		if len(s.Values(name)) > 0 {
			return s
		}
	}
	return pkg.DefaultSets()[0]
}

// notInForceText is why a parameter has no value on a date (before its
// first value, or repealed), from the lookup's error.
func notInForceText(err error) hubrules.Text {
	for _, f := range fieldsOf(err) {
		return f.Message
	}
	return hubrules.T("未施行", "not in force")
}

// compareRow is one parameter of the comparison: its value on each side
// and whether they differ.
type compareRow struct {
	Name        string
	Description hubrules.Text
	A, B        sideView
	Differs     bool
}

// sideView is one side of a comparison row, with the page for its
// language.
type sideView struct {
	B base
	E kinds.InEffect
}

type compareData struct {
	base
	Package  string
	Packages []string
	A, B     hubrules.Programme
	DateA    hubrules.Date
	DateB    hubrules.Date
	Fields   []hubrules.FieldError
	Rows     []compareRow
	Differ   int
}

// compare answers GET /compare?package=&a=&b=&date=&date_b=: the
// package's parameters in effect for programme a on date and programme b
// on date_b (date by default), side by side, differences marked.
func (p *Pages) compare(w http.ResponseWriter, r *http.Request) {
	lang := LangOf(r)
	var probs hubrules.Problems
	d := compareData{base: newBase(r, lang, "compare", hubrules.T("参数对比", "Compare parameters")), Packages: kinds.PackageNames()}
	d.Package = r.URL.Query().Get("package")
	pkg, ok := kinds.PackageNamed(d.Package)
	if !ok {
		if d.Package != "" {
			probs.Add("package", "unknown_package", d.Package, hubrules.T("未知的规则包 "+d.Package+"，可用："+strings.Join(d.Packages, "、"),
				"unknown package "+d.Package+"; known: "+strings.Join(d.Packages, ", ")))
		}
		pkg, _ = kinds.PackageNamed("hub")
		d.Package = "hub"
	}
	d.A = programmeParam(r, "a", hubrules.Wuliqiao, &probs)
	d.B = programmeParam(r, "b", hubrules.Kaixuan, &probs)
	d.DateA = p.dateParam(r, "date", p.today(), &probs)
	d.DateB = p.dateParam(r, "date_b", d.DateA, &probs)
	d.Fields = fieldsOf(probs.Err())
	same := func(set *hubrules.ParamSet) (*hubrules.ParamSet, error) { return set, nil }
	as, _, err := kinds.ParamsInEffect(pkg, d.A, d.DateA, same)
	if err != nil {
		panic(err) // the shipped sets need no file: a bug
	}
	bs, _, err := kinds.ParamsInEffect(pkg, d.B, d.DateB, same)
	if err != nil {
		panic(err)
	}
	for i := range as {
		row := compareRow{Name: as[i].Name, Description: as[i].Description, A: sideView{d.base, as[i]}, B: sideView{d.base, bs[i]}}
		row.Differs = valueOf(as[i]) != valueOf(bs[i])
		if row.Differs {
			d.Differ++
		}
		d.Rows = append(d.Rows, row)
	}
	p.render(w, statusOf(d.Fields), "compare", lang, d)
}

// valueOf is the value of a parameter in effect as compared: its text, or
// nothing when it is not in force.
func valueOf(e kinds.InEffect) string {
	if e.Value == nil {
		return "\x00"
	}
	return e.Value.Value
}

// statusOf is 400 when a page shows field errors, else 200.
func statusOf(fields []hubrules.FieldError) int {
	if len(fields) > 0 {
		return http.StatusBadRequest
	}
	return http.StatusOK
}
