package grading

import (
	"slices"
	"sort"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

// Measures is one version of the evaluation measures (评估管理办法): who may
// be evaluated (GRD-ELIG-01), how long a grade lasts (GRD-VALID-01), when it
// is lowered (GRD-DOWN-01) and what it entitles to (GRD-PRIV-01).
type Measures struct {
	Version string `json:"version" yaml:"version" validate:"required,max=40"`
	// ValidityMode is from_award (2010: 5 years from the award) or
	// calendar_after_announcement (2026: 1 January after the announcement
	// to 31 December of year ValidityYears).
	ValidityMode          string `json:"validity_mode" yaml:"validity_mode" validate:"oneof=from_award calendar_after_announcement"`
	ValidityYears         int    `json:"validity_years" yaml:"validity_years" validate:"gte=1,lte=20"`
	ReapplyWithinYears    int    `json:"reapply_within_years" yaml:"reapply_within_years" validate:"gte=0,lte=20"`
	SimplifiedWithinYears int    `json:"simplified_within_years" yaml:"simplified_within_years" validate:"gte=0,lte=20"`
	MinRegisteredYears    int    `json:"min_registered_years" yaml:"min_registered_years" validate:"gte=0,lte=20"`

	ExcludeSkippedInspection  bool `json:"exclude_skipped_inspection" yaml:"exclude_skipped_inspection"`
	ExcludeFailedInspection   bool `json:"exclude_failed_inspection" yaml:"exclude_failed_inspection"`
	ExcludeBasicallyPassedRun int  `json:"exclude_basically_passed_run" yaml:"exclude_basically_passed_run" validate:"gte=0,lte=10"`
	ExcludePenalty            bool `json:"exclude_penalty" yaml:"exclude_penalty"`
	ExcludeMinorPenalty       bool `json:"exclude_minor_penalty" yaml:"exclude_minor_penalty"`
	ExcludeInvestigation      bool `json:"exclude_investigation" yaml:"exclude_investigation"`

	DowngradeFailed             bool `json:"downgrade_failed" yaml:"downgrade_failed"`
	DowngradeBasicallyPassedRun int  `json:"downgrade_basically_passed_run" yaml:"downgrade_basically_passed_run" validate:"gte=0,lte=10"`
	DowngradeSkipped            bool `json:"downgrade_skipped" yaml:"downgrade_skipped"`
	DowngradePenalty            bool `json:"downgrade_penalty" yaml:"downgrade_penalty"`
	DowngradeSteps              int  `json:"downgrade_steps" yaml:"downgrade_steps" validate:"gte=1,lte=5"`
	ReturnCertificateDays       int  `json:"return_certificate_days" yaml:"return_certificate_days" validate:"gte=0,lte=365"`

	PurchaseMinGrade             hubrules.Grade `json:"purchase_min_grade" yaml:"purchase_min_grade" validate:"enum"`
	TaxDeductionMinGrade         hubrules.Grade `json:"tax_deduction_min_grade" yaml:"tax_deduction_min_grade" validate:"enum"`
	SimplifiedInspectionMinGrade hubrules.Grade `json:"simplified_inspection_min_grade" yaml:"simplified_inspection_min_grade" validate:"enum"`
}

type measuresParams struct {
	M Measures `param:"standing.measures"`
}

// InspectionResult is the outcome of an annual inspection (年检).
type InspectionResult string

// The inspection results.
const (
	Passed          InspectionResult = "passed"           // 合格
	BasicallyPassed InspectionResult = "basically_passed" // 基本合格
	Failed          InspectionResult = "failed"           // 不合格
	Skipped         InspectionResult = "skipped"          // 未参加年检
)

// Valid reports whether r is a known result.
func (r InspectionResult) Valid() bool {
	return r == Passed || r == BasicallyPassed || r == Failed || r == Skipped
}

// Inspection is the annual inspection of one year's work, concluded on a
// date in a later year.
type Inspection struct {
	Year      int              `json:"year" validate:"gte=1949,lte=9999"`
	Result    InspectionResult `json:"result" validate:"enum"`
	Concluded hubrules.Date    `json:"concluded"`
}

// Penalty is an administrative penalty (行政处罚). Completed is the day it was
// fully carried out (zero: outstanding). A warning (警告) is minor.
type Penalty struct {
	Imposed   hubrules.Date `json:"imposed"`
	Warning   bool          `json:"warning,omitempty"`
	Completed hubrules.Date `json:"completed,omitempty"`
}

// Investigation is a case opened against the organization (立案调查).
type Investigation struct {
	Opened hubrules.Date `json:"opened"`
	Closed hubrules.Date `json:"closed,omitempty"`
}

// Award is the grade last awarded and the day the results were announced.
type Award struct {
	Grade     hubrules.Grade `json:"grade" validate:"enum"`
	Announced hubrules.Date  `json:"announced"`
}

// OrgRecord is what Standing needs to know about an organization. Records
// after the date asked about are ignored.
type OrgRecord struct {
	Org            string          `json:"org" validate:"required,max=200"`
	Registered     hubrules.Date   `json:"registered"`
	Award          *Award          `json:"award,omitempty"`
	Inspections    []Inspection    `json:"inspections,omitempty" validate:"max=500,dive"`
	Penalties      []Penalty       `json:"penalties,omitempty" validate:"max=500,dive"`
	Investigations []Investigation `json:"investigations,omitempty" validate:"max=500,dive"`
}

// Privilege is something a valid grade entitles to (GRD-PRIV-01).
type Privilege string

// The privileges.
const (
	PrivPurchasePriority     Privilege = "purchase_priority"          // 优先承接政府购买服务
	PrivFunctionTransfer     Privilege = "function_transfer_priority" // 优先承接政府职能转移
	PrivAwardPriority        Privilege = "award_priority"             // 优先获得政府奖励
	PrivTaxDeduction         Privilege = "tax_deduction_application"  // 可申请公益性捐赠税前扣除资格
	PrivSimplifiedInspection Privilege = "simplified_inspection"      // 简化年度检查程序
)

// Downgrade is one lowering of the grade (GRD-DOWN-01).
type Downgrade struct {
	Date     hubrules.Date  `json:"date"`
	Cause    string         `json:"cause"`
	From     hubrules.Grade `json:"from"`
	To       hubrules.Grade `json:"to"`
	ReturnBy hubrules.Date  `json:"return_certificate_by"`
	Measures string         `json:"measures"`
}

// StandingResult is what an organization may do on a date.
type StandingResult struct {
	Org  string        `json:"org"`
	AsOf hubrules.Date `json:"as_of"`
	// Measures is the version of the measures in effect on AsOf.
	Measures       string         `json:"measures"`
	AwardedGrade   hubrules.Grade `json:"awarded_grade"`
	ValidFrom      hubrules.Date  `json:"valid_from,omitempty"`
	ValidUntil     hubrules.Date  `json:"valid_until,omitempty"`
	ValidityRule   string         `json:"validity_measures,omitempty"`
	Valid          bool           `json:"valid"`
	Downgrades     []Downgrade    `json:"downgrades,omitempty"`
	EffectiveGrade hubrules.Grade `json:"effective_grade"`
	Privileges     []Privilege    `json:"privileges,omitempty"`
	// MissingInspections lists the years whose annual inspection a rule
	// needed and the record lacks (GRD-DOWN-01: a year inspected inside the
	// validity period; GRD-ELIG-01: last year), each with a "no record"
	// finding: a missing inspection is never read as passed.
	MissingInspections []int              `json:"missing_inspections,omitempty"`
	MayApply           bool               `json:"may_apply"`
	Simplified         bool               `json:"simplified_review,omitempty"`
	Basis              hubrules.Basis     `json:"basis"`
	ValidityBasis      hubrules.Basis     `json:"validity_basis"`
	Checks             []hubrules.Check   `json:"checks"`
	Findings           []hubrules.Finding `json:"findings,omitempty"`
}

type measuresVersion struct {
	from  hubrules.Date
	m     Measures
	basis hubrules.Basis
}

// Standing answers "what may this organization do on date D" under the
// measures in force on each date. It is immutable and safe for concurrent
// use.
type Standing struct {
	versions  []measuresVersion
	programme hubrules.Programme
	// first is the day the first measures known for the programme start
	// (possibly after the Standing's date, when versions is empty).
	first hubrules.Date
}

// NewStanding resolves every version of standing.measures for programme
// (its own values and the national ones), from the shipped DefaultParamSet
// or the set given with WithParams, so that At answers each date under the
// measures in force on that date — never one date's measures on another.
// date is checked like the other constructors' but chooses nothing: a
// Standing is for every date. On a date before the first measures, At
// answers each of their rules not in force. An unknown programme, a missing
// date, WithResolved or a set without standing.measures is an *InputError.
func NewStanding(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Standing, error) {
	c := setup.Apply(opts)
	if err := setup.Check(&c, programme, date); err != nil {
		return nil, err
	}
	if _, ok := c.Resolved(); ok {
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "params", Code: "unsupported",
			Message: hubrules.T("NewStanding 需要参数集（WithParams），不接受已解析参数（WithResolved）",
				"NewStanding needs a parameter set (WithParams), not resolved parameters (WithResolved)")})
	}
	set := c.Set(DefaultParamSet)
	var dates []hubrules.Date
	s := &Standing{programme: programme}
	for _, v := range set.Values("standing.measures") {
		if v.Programme != programme && v.Programme != hubrules.National {
			continue
		}
		if s.first.IsZero() || v.From.Before(s.first) {
			s.first = v.From
		}
		dates = append(dates, v.From)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	var pr hubrules.Problems
	for i, d := range dates {
		if i > 0 && d == dates[i-1] {
			continue
		}
		var mp measuresParams
		b, err := set.Resolve(programme, d, &mp)
		if err != nil {
			pr.Merge("", err)
			continue
		}
		if n := len(s.versions); n > 0 && s.versions[n-1].basis.Effective == b.Effective {
			continue
		}
		s.versions = append(s.versions, measuresVersion{from: d, m: mp.M, basis: b})
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	if s.first.IsZero() {
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "parameters.standing.measures", Code: "required",
			Message: hubrules.T("没有评估管理办法参数", "no evaluation measures in the parameter set")})
	}
	return s, nil
}

// unset is standing.measures as a parameter not in force before the first
// measures the Standing knows.
func (s *Standing) unset() []hubrules.Unset {
	return []hubrules.Unset{{Name: "standing.measures", Starts: s.first}}
}

func (s *Standing) at(d hubrules.Date) *measuresVersion {
	var v *measuresVersion
	for i := range s.versions {
		if !s.versions[i].from.After(d) {
			v = &s.versions[i]
		}
	}
	return v
}

// MeasuresAt returns the measures in force on d.
func (s *Standing) MeasuresAt(d hubrules.Date) (Measures, bool) {
	if v := s.at(d); v != nil {
		return v.m, true
	}
	return Measures{}, false
}

func checkRecord(r *OrgRecord) error {
	var p hubrules.Problems
	if err := hubrules.Validate(r); err != nil {
		p.Merge("", err)
	}
	if r.Registered.IsZero() {
		p.Add("registered", "required", "", hubrules.T("缺少登记日期", "the registration date is missing"))
	}
	if a := r.Award; a != nil {
		if a.Grade == hubrules.NoGrade {
			p.Add("award.grade", "required", "", hubrules.T("缺少获评等级", "the awarded grade is missing"))
		}
		if a.Announced.IsZero() {
			p.Add("award.announced", "required", "", hubrules.T("缺少结果公告日期", "the announcement date is missing"))
		} else if a.Announced.Before(r.Registered) {
			p.Add("award.announced", "order", a.Announced.String(), hubrules.T("公告日期早于登记日期", "announced before registration"))
		}
	}
	for i, in := range r.Inspections {
		path := hubrules.Index("inspections", i)
		if in.Concluded.IsZero() {
			p.Add(path+".concluded", "required", "", hubrules.T("缺少年检结论日期", "the inspection's conclusion date is missing"))
		} else if in.Concluded.Year() <= in.Year {
			p.Add(path+".concluded", "order", in.Concluded.String(), hubrules.T("年检结论应在所检年度之后："+in.Concluded.String(), "an inspection concludes after the year inspected: "+in.Concluded.String()))
		}
		if i > 0 {
			prev := r.Inspections[i-1]
			if in.Year <= prev.Year {
				p.Add(path+".year", "order", itoa(in.Year), hubrules.T("年检年度应严格递增", "inspection years must increase"))
			}
			if in.Concluded.Before(prev.Concluded) {
				p.Add(path+".concluded", "order", in.Concluded.String(), hubrules.T("年检结论日期乱序", "inspection dates out of order"))
			}
		}
	}
	for i, pe := range r.Penalties {
		path := hubrules.Index("penalties", i)
		if pe.Imposed.IsZero() {
			p.Add(path+".imposed", "required", "", hubrules.T("缺少处罚日期", "the penalty date is missing"))
		}
		if !pe.Completed.IsZero() && pe.Completed.Before(pe.Imposed) {
			p.Add(path+".completed", "order", pe.Completed.String(), hubrules.T("执行完毕日期早于处罚日期", "completed before imposed"))
		}
		if i > 0 && pe.Imposed.Before(r.Penalties[i-1].Imposed) {
			p.Add(path+".imposed", "order", pe.Imposed.String(), hubrules.T("处罚日期乱序", "penalty dates out of order"))
		}
	}
	for i, iv := range r.Investigations {
		path := hubrules.Index("investigations", i)
		if iv.Opened.IsZero() {
			p.Add(path+".opened", "required", "", hubrules.T("缺少立案日期", "the opening date is missing"))
		}
		if !iv.Closed.IsZero() && iv.Closed.Before(iv.Opened) {
			p.Add(path+".closed", "order", iv.Closed.String(), hubrules.T("结案日期早于立案日期", "closed before opened"))
		}
	}
	return p.Err()
}

// Validity returns the validity period of a grade announced on announced
// under m (GRD-VALID-01), both ends inclusive. For an announcement in the
// last years of 9999 the end is past 9999-12-31; Standing.At refuses such an
// award (hubrules.CheckComputed).
func Validity(m Measures, announced hubrules.Date) (from, until hubrules.Date) {
	if m.ValidityMode == "calendar_after_announcement" {
		y := announced.Year()
		return hubrules.NewDate(y+1, 1, 1), hubrules.NewDate(y+m.ValidityYears, 12, 31)
	}
	return announced, announced.AddYears(m.ValidityYears).AddDays(-1)
}

func fact(name, value string) hubrules.Fact { return hubrules.Fact{Name: name, Value: value} }

var causeText = map[string]hubrules.Text{
	"inspection_failed":           hubrules.T("年检不合格", "annual inspection failed"),
	"inspection_basically_passed": hubrules.T("连续两年年检基本合格", "annual inspection basically passed two years running"),
	"inspection_skipped":          hubrules.T("未参加年检", "annual inspection skipped"),
	"penalty":                     hubrules.T("受到行政处罚", "administrative penalty"),
}

// At answers what the organization may do on date d: its effective grade
// after downgrades, whether the grade is valid, its privileges, and whether
// it may apply for evaluation (every unmet criterion is a finding).
// Malformed records (dates out of order, missing dates, unknown codes) are
// an *hubrules.InputError.
func (s *Standing) At(rec *OrgRecord, d hubrules.Date) (StandingResult, error) {
	if rec == nil {
		return StandingResult{}, errNil()
	}
	if err := checkRecord(rec); err != nil {
		return StandingResult{}, err
	}
	v := s.at(d)
	if v == nil {
		// No measures in force on d: each of their rules answers not in
		// force, with the day the first measures start.
		r := StandingResult{Org: rec.Org, AsOf: d, Basis: hubrules.Basis{Programme: s.programme, AsOf: d, Missing: s.unset()}}
		for _, rule := range [...]string{RuleElig, RuleValid, RuleDown, RulePriv} {
			r.Checks = append(r.Checks, hubrules.Check{Rule: rule, Subject: rec.Org, Outcome: hubrules.NotInForce})
			r.Findings = append(r.Findings, hubrules.NotInForceFinding(rule, rec.Org, d, r.Basis.Missing))
		}
		return r, nil
	}
	if rec.Registered.After(d) {
		// The organization did not exist yet on d: its standing then is a
		// question the record contradicts, not a grade or an eligibility.
		return StandingResult{}, hubrules.NewInputError(hubrules.FieldError{Path: "registered", Code: "after_date", Value: rec.Registered.String(),
			Message: hubrules.T("登记日期 "+rec.Registered.String()+" 晚于查询日期 "+d.String()+"，该日组织尚未成立",
				"the registration date "+rec.Registered.String()+" is after the date asked about, "+d.String()+": the organization did not exist yet")})
	}
	m := v.m
	r := StandingResult{Org: rec.Org, AsOf: d, Measures: m.Version, Basis: v.basis.Clone()}
	r.Basis.AsOf = d
	org := rec.Org
	add := func(rule string, sev hubrules.Severity, msg hubrules.Text, facts ...hubrules.Fact) {
		r.Findings = append(r.Findings, hubrules.Finding{Rule: rule, Severity: sev, Subject: org, Message: msg, Facts: facts})
	}
	validOut, downOut, privOut := hubrules.NotApplicable, hubrules.Pass, hubrules.NotApplicable
	holding := false // holds a grade whose period has not ended
	a := rec.Award
	if a != nil && !a.Announced.After(d) && s.at(a.Announced) == nil {
		// An award announced before any measures were in force has no
		// validity the library knows: GRD-VALID-01 answers not in force for
		// it, and the organization holds no grade it could use.
		r.AwardedGrade = a.Grade
		validOut = hubrules.NotInForce
		r.Findings = append(r.Findings, hubrules.NotInForceFinding(RuleValid, org, a.Announced, s.unset()))
		a = nil
	}
	if a != nil && !a.Announced.After(d) {
		av := s.at(a.Announced)
		r.AwardedGrade = a.Grade
		r.ValidityRule = av.m.Version
		r.ValidityBasis = av.basis.Clone()
		r.ValidityBasis.AsOf = a.Announced
		r.ValidFrom, r.ValidUntil = Validity(av.m, a.Announced)
		if err := hubrules.CheckComputed("award.announced", a.Announced, r.ValidFrom, r.ValidUntil); err != nil {
			return StandingResult{}, err
		}
		r.Valid = !d.Before(r.ValidFrom) && !d.After(r.ValidUntil)
		holding = !d.After(r.ValidUntil)
		switch {
		case r.Valid:
			validOut = hubrules.Pass
		case d.Before(r.ValidFrom):
			validOut = hubrules.Fail
			add(RuleValid, hubrules.Notice, hubrules.T("等级有效期尚未开始", "the grade's validity has not begun"),
				fact("valid_from", r.ValidFrom.String()), fact("measures", av.m.Version))
		default:
			validOut = hubrules.Fail
			add(RuleValid, hubrules.Notice, hubrules.T("评估等级已过有效期，不再享有任何待遇", "the grade has expired and grants nothing"),
				fact("valid_until", r.ValidUntil.String()), fact("measures", av.m.Version))
		}
		// GRD-DOWN-01: events in the validity period up to d, in date order.
		g := a.Grade
		end := r.ValidUntil
		if d.Before(end) {
			end = d
		}
		run := 0
		pi := 0
		var dateErr error // a return-by date past 9999-12-31
		down := func(date hubrules.Date, cause, path string) {
			ev := s.at(date)
			if ev == nil || g == hubrules.NoGrade || date.Before(r.ValidFrom) || date.After(end) || dateErr != nil {
				return
			}
			to := g.Down(ev.m.DowngradeSteps)
			dg := Downgrade{Date: date, Cause: cause, From: g, To: to, ReturnBy: date.AddDays(ev.m.ReturnCertificateDays), Measures: ev.m.Version}
			if dateErr = hubrules.CheckComputed(path, date, dg.ReturnBy); dateErr != nil {
				return
			}
			r.Downgrades = append(r.Downgrades, dg)
			add(RuleDown, hubrules.Warning, causeText[cause], fact("cause", cause), fact("date", date.String()), fact("from", string(g)), fact("to", string(to)),
				fact("return_certificate_by", dg.ReturnBy.String()))
			g = to
		}
		penaltyDown := func(upTo hubrules.Date, inclusive bool) {
			for ; pi < len(rec.Penalties); pi++ {
				pe := rec.Penalties[pi]
				if pe.Imposed.After(upTo) || (!inclusive && pe.Imposed == upTo) {
					return
				}
				if ev := s.at(pe.Imposed); ev != nil && ev.m.DowngradePenalty {
					down(pe.Imposed, "penalty", hubrules.Index("penalties", pi)+".imposed")
				}
			}
		}
		prevYear := 0
		for ii, in := range rec.Inspections {
			penaltyDown(in.Concluded, false)
			ev := s.at(in.Concluded)
			if in.Concluded.Before(r.ValidFrom) || in.Concluded.After(end) {
				// Only the inspections concluded inside the validity
				// period count: two basically-passed years before the
				// award do not lower it.
				run, prevYear = 0, in.Year
				continue
			}
			if in.Result == BasicallyPassed && (run == 0 || in.Year == prevYear+1) {
				run++
			} else if in.Result == BasicallyPassed {
				run = 1
			} else {
				run = 0
			}
			prevYear = in.Year
			if ev == nil {
				continue
			}
			path := hubrules.Index("inspections", ii) + ".concluded"
			switch {
			case in.Result == Failed && ev.m.DowngradeFailed:
				down(in.Concluded, "inspection_failed", path)
			case in.Result == Skipped && ev.m.DowngradeSkipped:
				down(in.Concluded, "inspection_skipped", path)
			case in.Result == BasicallyPassed && ev.m.DowngradeBasicallyPassedRun > 0 && run >= ev.m.DowngradeBasicallyPassedRun:
				before := len(r.Downgrades)
				down(in.Concluded, "inspection_basically_passed", path)
				if len(r.Downgrades) > before {
					run = 0
				}
			}
		}
		penaltyDown(end, true)
		if dateErr != nil {
			return StandingResult{}, dateErr
		}
		gaps := r.noDownRecord(s, rec, end, add)
		switch {
		case len(r.Downgrades) > 0:
			downOut = hubrules.Fail
		case gaps:
			// A year without its inspection record could have lowered the
			// grade: the rule is not decided, never passed.
			downOut = hubrules.NotApplicable
		}
		if r.Valid {
			r.EffectiveGrade = g
		}
	}
	// GRD-PRIV-01.
	if r.Valid && r.EffectiveGrade != hubrules.NoGrade {
		eg := r.EffectiveGrade
		if m.PurchaseMinGrade != hubrules.NoGrade && eg.AtLeast(m.PurchaseMinGrade) {
			r.Privileges = append(r.Privileges, PrivPurchasePriority, PrivFunctionTransfer, PrivAwardPriority)
		}
		if m.TaxDeductionMinGrade != hubrules.NoGrade && eg.AtLeast(m.TaxDeductionMinGrade) {
			r.Privileges = append(r.Privileges, PrivTaxDeduction)
		}
		if m.SimplifiedInspectionMinGrade != hubrules.NoGrade && eg.AtLeast(m.SimplifiedInspectionMinGrade) {
			r.Privileges = append(r.Privileges, PrivSimplifiedInspection)
		}
		if len(r.Privileges) > 0 {
			privOut = hubrules.Pass
		}
	}
	// GRD-ELIG-01.
	elig := true
	refuse := func(msg hubrules.Text, facts ...hubrules.Fact) {
		elig = false
		add(RuleElig, hubrules.Violation, msg, facts...)
	}
	if holding {
		switch {
		case m.ReapplyWithinYears == 0:
			refuse(hubrules.T("评估等级仍在有效期内，有效期届满后方可申请", "the grade is still valid; apply when it expires"),
				fact("valid_until", r.ValidUntil.String()), fact("measures", m.Version))
		case !d.Before(r.ValidFrom.AddYears(m.ReapplyWithinYears)):
			refuse(hubrules.T("仅可在有效期前"+itoa(m.ReapplyWithinYears)+"年内申请重新评估", "re-evaluation may be asked only in the first "+itoa(m.ReapplyWithinYears)+" years of validity"),
				fact("valid_from", r.ValidFrom.String()), fact("reapply_within_years", itoa(m.ReapplyWithinYears)), fact("measures", m.Version))
		default:
			r.Simplified = m.SimplifiedWithinYears > 0 && d.Before(r.ValidFrom.AddYears(m.SimplifiedWithinYears))
		}
	} else if r.AwardedGrade == hubrules.NoGrade {
		need := rec.Registered.AddYears(m.MinRegisteredYears)
		if err := hubrules.CheckComputed("registered", rec.Registered, need); err != nil {
			return StandingResult{}, err
		}
		if d.Before(need) {
			refuse(hubrules.T("取得登记证书未满"+itoa(m.MinRegisteredYears)+"年", "registered for less than "+itoa(m.MinRegisteredYears)+" full years"),
				fact("registered", rec.Registered.String()), fact("eligible_from", need.String()), fact("measures", m.Version))
		}
	}
	last := d.Year() - 1
	var lastIn *Inspection
	for i := range rec.Inspections {
		in := &rec.Inspections[i]
		if in.Concluded.After(d) {
			continue
		}
		if in.Year == last {
			lastIn = in
		}
	}
	inspected := m.ExcludeSkippedInspection || m.ExcludeFailedInspection || m.ExcludeBasicallyPassedRun > 0
	if lastIn == nil && inspected {
		// No record is not a passed inspection: under measures that
		// exclude on last year's inspection, the organization may apply
		// only once the record shows its result.
		elig = false
		if !slices.Contains(r.MissingInspections, last) {
			r.MissingInspections = append(r.MissingInspections, last)
		}
		add(RuleElig, hubrules.Warning, hubrules.T("无上一年度（"+itoa(last)+"年）年检记录：无法核实是否参加年检及其结论，不按合格处理，须有记录后方可认定参评资格",
			"no record of last year's ("+itoa(last)+") annual inspection: whether it took place and its result cannot be established; not treated as passed, eligibility awaits the record"),
			fact("year", itoa(last)), fact("record", "none"), fact("measures", m.Version))
	} else if lastIn != nil {
		if m.ExcludeSkippedInspection && lastIn.Result == Skipped {
			refuse(hubrules.T("上一年度未参加年检", "did not take part in last year's annual inspection"), fact("year", itoa(last)), fact("measures", m.Version))
		}
		if m.ExcludeFailedInspection && lastIn.Result == Failed {
			refuse(hubrules.T("上一年度年检不合格", "failed last year's annual inspection"), fact("year", itoa(last)), fact("measures", m.Version))
		}
		if n := m.ExcludeBasicallyPassedRun; n > 0 && basicallyPassedRun(rec.Inspections, last, d) >= n {
			refuse(hubrules.T("连续"+itoa(n)+"年年检基本合格", "annual inspection basically passed "+itoa(n)+" years running"), fact("years", itoa(last-n+1)+"–"+itoa(last)), fact("measures", m.Version))
		}
	}
	if m.ExcludePenalty {
		for _, pe := range rec.Penalties {
			if pe.Imposed.After(d) || (pe.Warning && !m.ExcludeMinorPenalty) {
				continue
			}
			outstanding := pe.Completed.IsZero() || pe.Completed.After(d)
			if pe.Imposed.Year() == last || outstanding {
				refuse(hubrules.T("上一年度受到行政处罚或处罚尚未执行完毕", "an administrative penalty last year or one still outstanding"),
					fact("imposed", pe.Imposed.String()), fact("completed", pe.Completed.String()), fact("measures", m.Version))
				break
			}
		}
	}
	if m.ExcludeInvestigation {
		for _, iv := range rec.Investigations {
			if !iv.Opened.After(d) && (iv.Closed.IsZero() || iv.Closed.After(d)) {
				refuse(hubrules.T("正在被有关部门立案调查", "under investigation"), fact("opened", iv.Opened.String()), fact("measures", m.Version))
				break
			}
		}
	}
	r.MayApply = elig
	eligOut := hubrules.Pass
	if !elig {
		eligOut = hubrules.Fail
	}
	r.Checks = []hubrules.Check{
		{Rule: RuleElig, Subject: org, Outcome: eligOut},
		{Rule: RuleValid, Subject: org, Outcome: validOut},
		{Rule: RuleDown, Subject: org, Outcome: downOut},
		{Rule: RulePriv, Subject: org, Outcome: privOut},
	}
	return r, nil
}

// noDownRecord adds a "no record" finding of GRD-DOWN-01 for every year
// whose inspection falls wholly inside the validity period up to end (the
// year after it, when inspections conclude, lies between r.ValidFrom and
// end) and which the record lacks, from the registration year on, when
// the measures of that year lower a grade on an inspection result; it
// reports whether there was one.
func (r *StandingResult) noDownRecord(s *Standing, rec *OrgRecord, end hubrules.Date, add func(string, hubrules.Severity, hubrules.Text, ...hubrules.Fact)) bool {
	first := r.ValidFrom.Year() // the first year of conclusions wholly inside
	if r.ValidFrom != hubrules.NewDate(first, 1, 1) {
		first++
	}
	last := end.Year()
	if end != hubrules.NewDate(last, 12, 31) {
		last--
	}
	if reg := rec.Registered.Year() + 1; first < reg {
		first = reg
	}
	found := false
	for c := first; c <= last; c++ {
		y := c - 1
		if hasInspection(rec.Inspections, y, end) || !s.downsOnInspection(hubrules.NewDate(c, 12, 31)) {
			continue
		}
		found = true
		r.MissingInspections = append(r.MissingInspections, y)
		add(RuleDown, hubrules.Warning, hubrules.T("无 "+itoa(y)+" 年度年检记录（应在有效期内的 "+itoa(c)+" 年作出结论）：该年不按合格处理，降级规则无法就该年核对",
			"no record of the annual inspection of "+itoa(y)+" (due in "+itoa(c)+", inside the validity period): the year is not treated as passed and the downgrade rule cannot be checked for it"),
			fact("year", itoa(y)), fact("record", "none"), fact("valid_from", r.ValidFrom.String()), fact("until", end.String()))
	}
	return found
}

// downsOnInspection reports whether the measures in force on d lower a
// grade on an inspection result (so that a missing one matters).
func (s *Standing) downsOnInspection(d hubrules.Date) bool {
	v := s.at(d)
	return v != nil && (v.m.DowngradeFailed || v.m.DowngradeSkipped || v.m.DowngradeBasicallyPassedRun > 0)
}

// hasInspection reports whether ins holds the inspection of year concluded
// by d.
func hasInspection(ins []Inspection, year int, d hubrules.Date) bool {
	for _, in := range ins {
		if in.Year == year && !in.Concluded.After(d) {
			return true
		}
	}
	return false
}

// basicallyPassedRun counts the consecutive years ending at year whose
// inspection (concluded by d) was basically passed.
func basicallyPassedRun(ins []Inspection, year int, d hubrules.Date) int {
	n := 0
	for i := len(ins) - 1; i >= 0; i-- {
		in := ins[i]
		if in.Concluded.After(d) || in.Year > year {
			continue
		}
		if in.Year != year-n || in.Result != BasicallyPassed {
			break
		}
		n++
	}
	return n
}

// CountAtLeast counts the results whose grade is valid and at least min on
// their date (jingan counts 151 organizations at 3A or above; GRD-PRIV-01).
func CountAtLeast(rs []StandingResult, min hubrules.Grade) int {
	n := 0
	for i := range rs {
		if rs[i].Valid && rs[i].EffectiveGrade != hubrules.NoGrade && rs[i].EffectiveGrade.AtLeast(min) {
			n++
		}
	}
	return n
}

// Name returns the inspection result in Chinese and English.
func (r InspectionResult) Name() hubrules.Text {
	switch r {
	case Passed:
		return hubrules.T("合格", "passed")
	case BasicallyPassed:
		return hubrules.T("基本合格", "basically passed")
	case Failed:
		return hubrules.T("不合格", "failed")
	case Skipped:
		return hubrules.T("未参加年检", "skipped")
	}
	return hubrules.T("未知年检结论", "unknown inspection result")
}

// Codes lists the inspection results (hubrules.Coded).
func (InspectionResult) Codes() []hubrules.Code {
	return hubrules.CodesOf(Passed, BasicallyPassed, Failed, Skipped)
}
