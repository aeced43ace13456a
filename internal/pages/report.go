package pages

import (
	"bytes"
	"html/template"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/internal/kinds"
)

// ReportInput is the input of the hub report (枢纽报告, POST /report,
// hubrules report --html): a hub's members as check coverage takes them
// (hub and members), and the six-synchronization log of each organization
// as check sync takes one (sync).
type ReportInput struct {
	// Hub names the hub (枢纽).
	Hub string `json:"hub" validate:"max=200"`
	// Members are the hub's member organizations (成员组织), as in check
	// coverage.
	Members []hub.Member `json:"members" validate:"dive"`
	// Sync are the organizations' event logs (六同步记录), each as the
	// input of check sync.
	Sync []hub.SyncOrg `json:"sync" validate:"max=100000,dive"`
}

// Report is a hub's report: the check coverage decision of its members
// and one check sync decision per organization, on one programme and date.
type Report struct {
	// Hub names the hub, as the input does.
	Hub string
	// Programme and Date are those of every decision of the report.
	Programme hubrules.Programme
	Date      hubrules.Date
	// Coverage is the check coverage decision of the members.
	Coverage hubrules.Decision
	// Sync are the check sync decisions, one per organization, in the
	// input's order.
	Sync  []hubrules.Decision
	cov   hub.CoverageResult
	stats *hub.Statistics // nil when the statistics could not be decided
}

// DecodeReportInput decodes a ReportInput strictly within lim, with its
// personal fields removed.
func DecodeReportInput(data []byte, lim hubrules.Limits) (ReportInput, error) {
	var in ReportInput
	if err := hubrules.DecodeJSONLimited(data, &in, lim); err != nil {
		return ReportInput{}, err
	}
	return hubrules.Mask(in, hubrules.MaskRemove, nil), nil
}

// BuildReport decides the report of in for env's programme and date: the
// check coverage decision of in's members and the check sync decision of
// each of in.Sync. Bad input is an *hubrules.InputError naming each
// field's path in in (members[2].form, sync[0].events[3].date).
func BuildReport(env kinds.Env, in ReportInput) (*Report, error) {
	if env.DateSource == "" {
		env.DateSource = hubrules.DateFromCaller
	}
	in = hubrules.Mask(in, hubrules.MaskRemove, nil)
	var probs hubrules.Problems
	rep := &Report{Hub: in.Hub, Programme: env.Programme, Date: env.Date}
	ck, _ := kinds.Lookup("check coverage")
	o, err := ck.Eval(env, &hub.Members{Hub: in.Hub, Members: in.Members})
	probs.Merge("", inputOnly(err))
	if err == nil {
		rep.Coverage = ck.Decision(env, o)
		rep.cov, _ = o.Value.(hub.CoverageResult)
	}
	// The party statistics of the same members (check statistics). It
	// repeats coverage's input checks, so only its value is kept; a
	// statistics refused on the date (its rule not in force) leaves the
	// table out.
	if st, _ := kinds.Lookup("check statistics"); err == nil {
		if so, serr := st.Eval(env, &hub.Members{Hub: in.Hub, Members: in.Members}); serr == nil {
			if v, ok := so.Value.(hub.Statistics); ok {
				rep.stats = &v
			}
		}
	}
	sk, _ := kinds.Lookup("check sync")
	for i := range in.Sync {
		o, err := sk.Eval(env, &in.Sync[i])
		probs.Merge(hubrules.Index("sync", i), inputOnly(err))
		if err == nil {
			rep.Sync = append(rep.Sync, sk.Decision(env, o))
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return rep, nil
}

// Findings are every finding of the report: coverage's, then each
// organization's six synchronizations'.
func (r *Report) Findings() []hubrules.Finding {
	out := append([]hubrules.Finding(nil), r.Coverage.Findings...)
	for _, d := range r.Sync {
		out = append(out, d.Findings...)
	}
	return out
}

// Outcome is the report's outcome over all its decisions (refused when
// one of them is).
func (r *Report) Outcome() hubrules.DecisionOutcome {
	refused := r.Coverage.Outcome == hubrules.OutcomeRefused
	for _, d := range r.Sync {
		refused = refused || d.Outcome == hubrules.OutcomeRefused
	}
	return hubrules.OutcomeOf(r.Findings(), refused)
}

// statRow is one row of the party statistics table (党组织统计).
type statRow struct {
	Label hubrules.Text
	Count int
	// Share is the count's share of all member organizations, for rows
	// that count organizations (undefined for bodies and members).
	Share hub.Rate
	Rule  string
	// Sum marks the total row.
	Sum bool
}

// partyStatistics is the report's party statistics table: the lines of
// hub.Statistics (the layout of the party's statistics for social
// organizations, each with its rule), with each organization count's
// share of all members.
func partyStatistics(s *hub.Statistics) []statRow {
	if s == nil {
		return nil
	}
	var rows []statRow
	for i, r := range s.Rows() {
		row := statRow{Label: r.Label, Count: r.Count, Rule: r.Rule, Sum: i == 0}
		if r.Orgs {
			row.Share = hub.NewRate(r.Count, s.Organizations.Count)
		}
		rows = append(rows, row)
	}
	return rows
}

// syncRow is one organization's row of the six-synchronization grid.
type syncRow struct {
	Org     string
	Outcome hubrules.DecisionOutcome
	Links   [6]hubrules.Outcome
}

// syncGrid is the grid of the six links of each organization: each link's
// check outcome, not applicable when the programme's profile did not check
// it.
func syncGrid(ds []hubrules.Decision) []syncRow {
	var rows []syncRow
	for _, d := range ds {
		row := syncRow{Outcome: d.Outcome}
		for i := range row.Links {
			row.Links[i] = hubrules.NotApplicable
		}
		for _, c := range d.Checks {
			row.Org = c.Subject
			if n := linkOf(c.Rule); n > 0 {
				row.Links[n-1] = c.Outcome
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// linkOf is the link number of a rule ID SYNC-n (1…6), or 0.
func linkOf(rule string) int {
	s, ok := strings.CutPrefix(rule, "SYNC-")
	if !ok || len(s) != 1 || s[0] < '1' || s[0] > '6' {
		return 0
	}
	return int(s[0] - '0')
}

// reportData is what report.html reads.
type reportData struct {
	base
	Rep                                  *Report
	FormChart, CategoryChart, CrossChart template.HTML
	Stats                                []statRow
	Grid                                 []syncRow
	Links                                []hub.SyncLink
	Cross                                hub.Rate
	CrossTarget                          string
	CrossOutcome                         hubrules.Outcome
	Found                                []hubrules.Finding
	MemberCount                          int
	Organizational, Work                 hub.Rate
	CovOutcome                           hubrules.Outcome
	Overall                              hubrules.DecisionOutcome
}

// WriteReport writes rep as one self-contained HTML page in lang: its
// stylesheet (with the A4 print rules) inlined, no script, nothing fetched.
// standalone leaves out the navigation and the links to the service (the
// file of hubrules report --html).
func WriteReport(w io.Writer, rep *Report, lang hubrules.Lang, standalone bool) error {
	var buf bytes.Buffer
	if err := templates["report"].Execute(&buf, reportView(nil, rep, lang, standalone)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func reportView(r *http.Request, rep *Report, lang hubrules.Lang, standalone bool) reportData {
	title := hubrules.T("枢纽报告", "Hub report")
	if rep.Hub != "" {
		title = hubrules.T("枢纽报告："+rep.Hub, "Hub report: "+rep.Hub)
	}
	d := reportData{base: newBase(r, lang, "report", title), Rep: rep, Stats: partyStatistics(rep.stats), Grid: syncGrid(rep.Sync),
		Cross: rep.cov.CrossAppointment, CrossTarget: rep.cov.CrossAppointmentTarget,
		CrossOutcome: checkOutcome(rep.Coverage, hub.RuleXapt01), Found: rep.Findings(), Overall: rep.Outcome()}
	d.Standalone = standalone
	d.MemberCount, d.Organizational, d.Work = rep.cov.Total, rep.cov.Organizational, rep.cov.Work
	d.CovOutcome = checkOutcome(rep.Coverage, hub.RuleCov01)
	for l := hub.SyncLink(1); l <= 6; l++ {
		d.Links = append(d.Links, l)
	}
	d.FormChart = formChart(d.base, rep.cov)
	d.CategoryChart = categoryChart(d.base, rep.cov)
	d.CrossChart = crossChart(d.base, rep.cov, d.CrossOutcome)
	return d
}

// checkOutcome is the outcome of rule in decision d (not applicable when
// d did not check it).
func checkOutcome(d hubrules.Decision, rule string) hubrules.Outcome {
	for _, c := range d.Checks {
		if c.Rule == rule {
			return c.Outcome
		}
	}
	return hubrules.NotApplicable
}

// LinkRule is a link's rule ID.
func (base) LinkRule(l hub.SyncLink) string { return l.Rule() }

// LinkName is a link's name.
func (b base) LinkName(l hub.SyncLink) string { return b.T(l.Name()) }

// reportForm answers GET /report: the form of a hub report, the sample
// prefilled.
func (p *Pages) reportForm(w http.ResponseWriter, r *http.Request) {
	lang := LangOf(r)
	d := p.newReportForm(r, lang)
	p.render(w, http.StatusOK, "reportform", lang, d)
}

type reportFormData struct {
	base
	Programme hubrules.Programme
	Date      string
	Input     string
	Fields    []hubrules.FieldError
}

func (p *Pages) newReportForm(r *http.Request, lang hubrules.Lang) reportFormData {
	d := reportFormData{base: newBase(r, lang, "report", hubrules.T("枢纽报告", "Hub report")), Programme: hubrules.Kaixuan, Date: "2024-12-31", Input: "{}"}
	if in, err := DecodeReportInput(p.cfg.ReportSample, p.cfg.Limits); err == nil && len(p.cfg.ReportSample) > 0 {
		d.Input = indentJSON(in)
	}
	return d
}

// reportPost answers POST /report: with a JSON body (application/json)
// and ?programme=&date=, or from the form; the report page, or the form
// again with the field errors (400).
func (p *Pages) reportPost(w http.ResponseWriter, r *http.Request) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var data []byte
	var err error
	var probs hubrules.Problems
	var env kinds.Env
	if ct == "application/json" {
		r.Body = http.MaxBytesReader(w, r.Body, int64(p.cfg.Limits.MaxBytes)+1)
		data, err = io.ReadAll(r.Body)
		if err != nil {
			err = tooLarge(p.cfg.Limits.MaxBytes)
		}
		q := r.URL.Query()
		r.PostForm = map[string][]string{"programme": {q.Get("programme")}, "date": {q.Get("date")}}
	} else {
		data, err = p.formInput(w, r)
	}
	probs.Merge("", err)
	lang := LangOf(r)
	env = formEnv(r, &probs)
	var rep *Report
	if probs.Len() == 0 {
		var in ReportInput
		in, err = DecodeReportInput(data, p.cfg.Limits)
		if err == nil {
			rep, err = BuildReport(env, in)
		}
		probs.Merge("", inputOnly(err))
	}
	if probs.Len() > 0 {
		d := p.newReportForm(r, lang)
		d.Programme, d.Date, d.Input, d.Fields = env.Programme, r.PostFormValue("date"), string(data), fieldsOf(probs.Err())
		p.render(w, http.StatusBadRequest, "reportform", lang, d)
		return
	}
	p.render(w, http.StatusOK, "report", lang, reportView(r, rep, lang, false))
}
