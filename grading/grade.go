package grading

import (
	"strings"
	"unicode/utf8"

	"github.com/hubrules/hubrules"
)

// ItemScore is the points an organization earned on one second-level item.
type ItemScore struct {
	Item string `json:"item" validate:"required,max=100"`
	// Points is the item's score; required (0 is a score, a missing one is
	// an *InputError).
	Points *hubrules.Points `json:"points" validate:"required"`
}

// ScoreSheet is one organization's evaluation input (GRD-LEVEL-01): its
// legal form, its party organization (GRD-PARTY-01), the points per item,
// bonus points, and optionally the institutional systems it has
// (GRD-SYS-01). Every item of the legal form's sheet must be scored, except
// the party set-up item, which is computed from PartyForm: a sheet with
// items missing is an *InputError naming them, never a total with zeros.
type ScoreSheet struct {
	Org       string             `json:"org" validate:"required,max=200"`
	LegalForm hubrules.LegalForm `json:"legal_form" validate:"enum"`
	PartyForm hubrules.PartyForm `json:"party_form" validate:"enum"`
	// FormalPartyMembers counts the organization's formal party members
	// (GRD-PARTY-01's gate); required, 0 when there are none.
	FormalPartyMembers *int `json:"formal_party_members" validate:"required,gte=0,lte=100000"`
	// Scores holds one score for every item of the sheet but the party
	// set-up item.
	Scores []ItemScore `json:"scores" validate:"max=1000,dive"`
	// Bonus is the bonus points; absent: none.
	Bonus hubrules.Points `json:"bonus,omitempty" doc:"加分；缺省：无加分 / bonus points; absent: none"`
	// Systems lists the institutional systems the organization has;
	// absent (nil): not assessed, GRD-SYS-01 not applicable; an empty list:
	// none.
	Systems []System `json:"systems,omitzero" validate:"omitempty,max=7" doc:"已建立的内部制度；缺省：未评估，GRD-SYS-01 不适用；空列表：一项也没有 / the institutional systems in place; absent: not assessed, GRD-SYS-01 not applicable; an empty list: none"`
}

// DecodeScoreSheet decodes a JSON score sheet strictly and checks it.
func DecodeScoreSheet(data []byte) (ScoreSheet, error) {
	var s ScoreSheet
	if err := hubrules.DecodeJSON(data, &s); err != nil {
		return ScoreSheet{}, err
	}
	return s, nil
}

// IndicatorResult is a first-level indicator's score.
type IndicatorResult struct {
	Code      string          `json:"code"`
	Name      hubrules.Text   `json:"name"`
	Max       hubrules.Points `json:"max"`
	Earned    hubrules.Points `json:"earned"`
	Deduction hubrules.Points `json:"deduction,omitempty"`
	Score     hubrules.Points `json:"score"`
}

// ItemResult is a second-level item's score; Computed marks the party
// set-up item scored from the party form.
type ItemResult struct {
	Code      string          `json:"code"`
	Indicator string          `json:"indicator"`
	Max       hubrules.Points `json:"max"`
	Score     hubrules.Points `json:"score"`
	Party     bool            `json:"party,omitempty"`
	Computed  bool            `json:"computed,omitempty"`
}

// Result is a graded score sheet that explains itself: the score per
// indicator and item, the raw, weighted and total scores, the band hit with
// its edges, the gates applied, the parameters used (Basis) and findings.
// It shares no memory with the Grader: editing it never changes what the
// Grader returns next.
type Result struct {
	Org        string             `json:"org"`
	LegalForm  hubrules.LegalForm `json:"legal_form"`
	Sheet      string             `json:"sheet"`
	Full       hubrules.Points    `json:"full"`
	Indicators []IndicatorResult  `json:"indicators"`
	Items      []ItemResult       `json:"items"`
	// Raw is the sum of indicator scores (after system deductions).
	Raw hubrules.Points `json:"raw"`
	// PartyScore and PartyMax are the party-building items' points.
	PartyScore hubrules.Points `json:"party_score"`
	PartyMax   hubrules.Points `json:"party_max"`
	// Weighted is Raw re-weighted by party.weight_percent (equal to Raw at
	// 100), rounded down to a tenth.
	Weighted hubrules.Points `json:"weighted"`
	Bonus    hubrules.Points `json:"bonus"`
	Total    hubrules.Points `json:"total"`
	// Evaluated is false when a gate keeps the organization out.
	Evaluated bool `json:"evaluated"`
	// BandGrade is the grade of the band hit (Band); Grade is after gates.
	BandGrade hubrules.Grade     `json:"band_grade"`
	Band      *Band              `json:"band,omitempty"`
	Grade     hubrules.Grade     `json:"grade"`
	Missing   []System           `json:"missing_systems,omitempty"`
	Basis     hubrules.Basis     `json:"basis"`
	Checks    []hubrules.Check   `json:"checks"`
	Findings  []hubrules.Finding `json:"findings,omitempty"`
	// own holds the copies of the grader's band and prepared facts that the
	// result refers to; GradeInto reuses it.
	own *scratch
}

// Grader grades score sheets with one resolved set of parameters. It is
// immutable and safe for concurrent use.
type Grader struct {
	p      Params
	basis  hubrules.Basis
	sheets [4]*compiled
	stars  *compiled         // the star items (GRD-STAR-01) as one indicator
	notice *hubrules.Finding // illustrative bands notice, nil when verified
	// partial[sheet][form]: facts of the "set-up item not at full marks"
	// notice, prepared once (nil when the form earns full marks).
	partial [4][5][]hubrules.Fact
	// The bases of each kind of decision, restricted to the parameters it
	// reads (gradeBasis by sheet), prepared once.
	gradeBasis                        [4]hubrules.Basis
	annualBasis, starBasis, normBasis hubrules.Basis
	// The NotInForceError of each computation whose parameters are not in
	// force on the grader's date (nil when they are), prepared once:
	// levelOff by sheet (the grade itself), and those of the annual
	// assessment, the stars and the norms.
	levelOff                    [4]error
	annualOff, starOff, normOff error
	// The parameters not in force of GRD-PARTY-01's two gates: the
	// exclusion (party.gate_exclude_should_have, and when it is on
	// party.gate_min_formal_members) and the cap (party.cap_without_org).
	excludeOff, gateMinOff, capOff []hubrules.Unset
}

// levelParams are the parameters every grade reads besides its sheet.
var levelParams = []string{"level.bands", "level.bonus_max", "level.bonus_capped_at_full", "party.form_percent", "party.weight_percent"}

// scratch holds the small fixed parts of a Result in one allocation, with
// the result's own copies of the band hit and of the grader's prepared facts.
type scratch struct {
	checks   [3]hubrules.Check
	findings [4]hubrules.Finding
	band     Band
	upper    Edge
	partial  [3]hubrules.Fact
	notice   [4]hubrules.Fact
}

// setBand sets r.Band to the result's own copy of b.
func (sc *scratch) setBand(r *Result, b *Band) {
	sc.band = *b
	if b.Upper != nil {
		sc.upper = *b.Upper
		sc.band.Upper = &sc.upper
	}
	r.Band = &sc.band
}

// ownFacts copies facts into buf when they fit (the prepared facts always
// do), else into a new slice.
func ownFacts(buf []hubrules.Fact, facts []hubrules.Fact) []hubrules.Fact {
	if facts == nil {
		return nil
	}
	if len(facts) > len(buf) {
		return append([]hubrules.Fact(nil), facts...)
	}
	copy(buf, facts)
	return buf[:len(facts):len(facts)]
}

// NewGrader prepares a grader with the parameters for programme in effect
// on date: by default the shipped DefaultParamSet, or those chosen with
// WithParams or WithResolved (see Resolve for the structure checked). An
// unknown programme, a missing date or a bad parameter is an *InputError.
func NewGrader(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Grader, error) {
	p, basis, err := Resolve(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	return newGrader(p, basis)
}

func newGrader(p Params, basis hubrules.Basis) (*Grader, error) {
	if err := hubrules.ValidateParams(&p, basis); err != nil {
		return nil, err
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	g := &Grader{p: p.clone(), basis: basis.Clone()}
	for fi, form := range []string{"social_group", "social_service_institution", "foundation", "community_org"} {
		g.gradeBasis[fi] = basis.Only("level.sheet."+form, "level.bands", "level.bonus_max", "level.bonus_capped_at_full",
			"party.form_percent", "party.weight_percent", "party.gate_min_formal_members", "party.gate_exclude_should_have", "party.cap_without_org")
		g.levelOff[fi] = hubrules.RequireInForce(basis, RuleLevel, append([]string{"level.sheet." + form}, levelParams...)...)
	}
	g.annualOff = hubrules.RequireInForce(basis, RuleAnnual, "annual.dimensions", "annual.rater_groups")
	g.starOff = hubrules.RequireInForce(basis, RuleStar, "star.items", "star.bands")
	g.normOff = hubrules.RequireInForce(basis, RuleNorms, "norm.total", "norm.areas")
	g.excludeOff = basis.Unset("party.gate_exclude_should_have")
	g.gateMinOff = basis.Unset("party.gate_min_formal_members")
	g.capOff = basis.Unset("party.cap_without_org")
	g.annualBasis = basis.Only("annual.dimensions", "annual.rater_groups")
	g.starBasis = basis.Only("star.items", "star.bands")
	g.normBasis = basis.Only("norm.total", "norm.areas")
	for i, f := range [4]hubrules.LegalForm{hubrules.SocialGroup, hubrules.SocialServiceInstitution, hubrules.Foundation, hubrules.CommunityOrg} {
		c := compile(g.p.Sheet(f))
		g.sheets[i] = c
		if c.setup < 0 {
			continue
		}
		max := c.items[c.setup].max
		for k, pf := range hubrules.PartyForms() {
			if sc := PartySetupScore(g.p.PartyFormPercent, pf, max); sc < max {
				g.partial[i][k] = []hubrules.Fact{{Name: "party_form", Value: string(pf)}, {Name: "score", Value: sc.String()}, {Name: "max", Value: max.String()}}
			}
		}
	}
	g.stars = compile(&Sheet{Indicators: []Indicator{{Items: g.p.StarItems}}})
	if ref, ok := basis.Param("level.bands"); ok && ref.Confidence != hubrules.Verified {
		g.notice = &hubrules.Finding{Rule: RuleLevel, Severity: hubrules.Notice,
			Message: hubrules.T("分档未经核实（"+ref.Confidence.Name().ZH+"），等级仅供参考", "the score bands are not verified ("+string(ref.Confidence)+"); the grade is indicative only"),
			Facts:   []hubrules.Fact{{Name: "param", Value: "level.bands"}, {Name: "confidence", Value: string(ref.Confidence)}, {Name: "programme", Value: string(ref.Programme)}, {Name: "from", Value: ref.From.String()}}}
	}
	return g, nil
}

// Params returns a copy of the grader's parameters.
func (g *Grader) Params() Params { return g.p.clone() }

// Basis returns the parameters used with their provenance (a copy).
func (g *Grader) Basis() hubrules.Basis { return g.basis.Clone() }

func formIndex(f hubrules.LegalForm) int {
	switch f {
	case hubrules.SocialGroup:
		return 0
	case hubrules.SocialServiceInstitution:
		return 1
	case hubrules.Foundation:
		return 2
	case hubrules.CommunityOrg:
		return 3
	}
	return -1
}

// PartySetupScore is the party set-up item's score for a form: the item's
// maximum times the form's percent, rounded down to a tenth (GRD-PARTY-01).
func PartySetupScore(pct FormPercent, form hubrules.PartyForm, max hubrules.Points) hubrules.Points {
	return max * hubrules.Points(pct.Of(form)) / 100
}

// ShouldHaveParty reports whether an organization should have its own
// party organization (≥ min formal members) and has none (GRD-PARTY-01).
func ShouldHaveParty(members, min int, form hubrules.PartyForm) bool {
	return members >= min && !form.OrganizationalCoverage()
}

var (
	msgNotEvaluated = hubrules.T("应建未建党组织，不予参评", "should have a party organization and has none: not evaluated")
	msgCapped       = hubrules.T("未建立党组织，等级以上限为准", "no party organization: the grade is capped")
	msgBonusCapped  = hubrules.T("加分超过上限，按上限计", "bonus above the cap; the cap is used")
	msgNoBand       = hubrules.T("总分低于最低档，不予定级", "the total is below the lowest band: no grade")
	msgInsufficient = hubrules.T("党组织建立项因组织形式未得满分", "the party set-up item is not at full marks for this form")
)

// Grade grades one score sheet. A malformed sheet (an unknown item, a score
// above its maximum or below zero, a duplicate item, a score given for the
// computed party set-up item, unknown codes) is an *hubrules.InputError
// naming each field; the sheet is never modified.
func (g *Grader) Grade(s *ScoreSheet) (Result, error) { return g.grade(s, nil) }

// GradeInto grades s into *dst, reusing the Items and Indicators slices dst
// already holds, so that grading a register one sheet after another into the
// same Result allocates (almost) nothing. Everything in *dst is overwritten;
// on an error *dst is the zero Result. Do not keep references into a previous
// result's slices, band or basis across calls: they are reused.
func (g *Grader) GradeInto(dst *Result, s *ScoreSheet) error {
	if dst == nil {
		return hubrules.NewInputError(hubrules.FieldError{Path: "dst", Code: "required",
			Message: hubrules.T("缺少结果参数 dst", "the result argument dst is nil")})
	}
	r, err := g.grade(s, dst)
	*dst = r
	return err
}

// grade grades s; the slices of reuse, when not nil, are reused for the
// result.
func (g *Grader) grade(s *ScoreSheet, reuse *Result) (Result, error) {
	var items []ItemResult
	var inds []IndicatorResult
	var checks []hubrules.Check
	var findings []hubrules.Finding
	var basis hubrules.Basis
	var own *scratch
	if reuse != nil {
		items, inds, checks, findings = reuse.Items, reuse.Indicators, reuse.Checks, reuse.Findings
		basis, own = reuse.Basis, reuse.own
	}
	if s == nil {
		return Result{}, errNil()
	}
	var pr hubrules.Problems
	fi := formIndex(s.LegalForm)
	if fi < 0 {
		pr.Add("legal_form", "enum", string(s.LegalForm), hubrules.UnknownCode("legal_form", string(s.LegalForm), s.LegalForm))
	}
	if !s.PartyForm.Valid() {
		pr.Add("party_form", "enum", string(s.PartyForm), hubrules.UnknownCode("party_form", string(s.PartyForm), s.PartyForm))
	}
	if s.FormalPartyMembers == nil {
		pr.Add("formal_party_members", "required", "", hubrules.T("缺少正式党员数（没有时填 0）", "formal_party_members is missing (0 when there are none)"))
	} else if *s.FormalPartyMembers < 0 {
		pr.Add("formal_party_members", "gte", itoa(*s.FormalPartyMembers), hubrules.T("正式党员数不能为负", "formal party members cannot be negative"))
	}
	if s.Bonus < 0 {
		pr.Add("bonus", "gte", s.Bonus.String(), hubrules.T("加分不能为负", "bonus cannot be negative"))
	}
	if fi < 0 {
		return Result{}, pr.Err()
	}
	if err := g.levelOff[fi]; err != nil {
		return Result{}, err
	}
	c := g.sheets[fi]
	if len(c.items) == 0 {
		return Result{}, hubrules.NewInputError(hubrules.FieldError{Path: "params." + sheetParamNames[fi], Code: "no_params", Value: string(s.LegalForm),
			Message: hubrules.T("参数中没有该法人形式的指标表", "the parameters have no indicator sheet for this legal form")})
	}
	n := len(c.items)
	r := Result{Org: s.Org, LegalForm: s.LegalForm, Sheet: c.sheet.Code, Full: c.full, PartyMax: c.partyMax, Basis: basis, Evaluated: true}
	if cap(items) >= n {
		r.Items = items[:n]
	} else {
		r.Items = make([]ItemResult, n)
	}
	// r.Items is also the set of items scored so far: an item's Score is
	// unscored until a score for it is read, refused after a refused one,
	// so that a second score is a duplicate wherever the item stands.
	for i, it := range c.items {
		r.Items[i] = ItemResult{Code: it.code, Indicator: c.sheet.Indicators[it.indicator].Code, Max: it.max, Party: it.party, Computed: it.setup, Score: unscored}
	}
	hint := 0
	for i := range s.Scores {
		sc := &s.Scores[i]
		k := c.find(sc.Item, hint)
		switch {
		case k < 0:
			pr.Add(hubrules.Index("scores", i)+".item", "unknown_item", sc.Item, hubrules.T("指标表 "+c.sheet.Code+" 中没有指标 "+sc.Item, "sheet "+c.sheet.Code+" has no item "+sc.Item))
			continue
		case c.items[k].setup:
			pr.Add(hubrules.Index("scores", i)+".item", "computed", sc.Item, hubrules.T("党组织建立项按党组织形式计分，不应填写："+sc.Item, "the party set-up item is scored from party_form and must not be given: "+sc.Item))
			continue
		case r.Items[k].Score != unscored:
			pr.Add(hubrules.Index("scores", i)+".item", "duplicate", sc.Item, hubrules.T("指标重复："+sc.Item, "item given twice: "+sc.Item))
			continue
		}
		if hint = k + 1; hint == c.setup {
			hint++
		}
		r.Items[k].Score = refused
		if sc.Points == nil {
			pr.Add(hubrules.Index("scores", i)+".points", "required", "", hubrules.T("缺少指标 "+sc.Item+" 的得分", "no points for item "+sc.Item))
			continue
		}
		if *sc.Points < 0 || *sc.Points > c.items[k].max {
			pr.Add(hubrules.Index("scores", i)+".points", "range", sc.Points.String(), hubrules.T("指标 "+sc.Item+" 得分 "+sc.Points.String()+" 超出 0–"+c.items[k].max.String(),
				"item "+sc.Item+" score "+sc.Points.String()+" is outside 0–"+c.items[k].max.String()))
			continue
		}
		r.Items[k].Score = *sc.Points
	}
	// Without problems, the scores name distinct items: as many as the
	// items to score means none is missing.
	if len(s.Scores) < c.scored || pr.Len() > 0 {
		var miss []string
		for i, it := range c.items {
			if !it.setup && r.Items[i].Score == unscored {
				miss = append(miss, it.code)
			}
		}
		reportMissing(&pr, "scores", miss, c.scored)
	}
	var sysMask uint8
	if s.Systems != nil {
		sysMask = systemSet("systems", s.Systems, &pr)
	}
	if pr.Len() > 0 {
		return Result{}, pr.Err()
	}
	// GRD-PARTY-01: the set-up item from the form.
	if c.setup >= 0 {
		r.Items[c.setup].Score = PartySetupScore(g.p.PartyFormPercent, s.PartyForm, c.items[c.setup].max)
	}
	if cap(inds) >= len(c.sheet.Indicators) {
		r.Indicators = inds[:len(c.sheet.Indicators)]
	} else {
		r.Indicators = make([]IndicatorResult, len(c.sheet.Indicators))
	}
	for i := range c.sheet.Indicators {
		in := &c.sheet.Indicators[i]
		r.Indicators[i] = IndicatorResult{Code: in.Code, Name: in.Name, Max: in.Max}
	}
	for i := range r.Items {
		r.Indicators[c.items[i].indicator].Earned += r.Items[i].Score
		if r.Items[i].Party {
			r.PartyScore += r.Items[i].Score
		}
	}
	nf := 0
	if g.notice != nil {
		nf++
	}
	missing := 0
	if s.Systems != nil {
		for i := 0; i < 7; i++ {
			if sysMask&(1<<i) == 0 {
				missing++
			}
		}
	}
	need := nf + missing + 3
	g.gradeBasis[fi].CloneInto(&r.Basis)
	switch {
	case reuse != nil:
		// Grow the reused slices once to the largest need seen, so that a
		// register loop settles at no allocation.
		if cap(findings) < need {
			findings = make([]hubrules.Finding, 0, max(need, 8))
		}
		if cap(checks) < 3 {
			checks = make([]hubrules.Check, 3)
		}
		r.Findings, r.Checks = findings[:0], checks[:3]
		if own == nil {
			own = new(scratch)
		}
	default:
		sc := new(scratch)
		own = sc
		if need <= len(sc.findings) {
			r.Findings = sc.findings[:0]
		} else {
			r.Findings = make([]hubrules.Finding, 0, need)
		}
		r.Checks = sc.checks[:]
	}
	r.own = own
	r.Checks[0] = hubrules.Check{Rule: RuleLevel, Subject: s.Org, Outcome: hubrules.Pass}
	r.Checks[1] = hubrules.Check{Rule: RuleParty, Subject: s.Org, Outcome: hubrules.Pass}
	r.Checks[2] = hubrules.Check{Rule: RuleSystems, Subject: s.Org, Outcome: hubrules.NotApplicable}
	// GRD-SYS-01: each missing system lowers the governance indicator.
	if s.Systems != nil {
		r.Checks[2].Outcome = hubrules.Pass
		if missing > 0 {
			r.Checks[2].Outcome = hubrules.Fail
			ded := c.sheet.SystemDeduction
			for i, sys := range Systems() {
				if sysMask&(1<<i) == 0 {
					r.Missing = append(r.Missing, sys)
					r.Findings = append(r.Findings, missingSystemFinding(s.Org, i, ded))
				}
			}
			if c.govIndex >= 0 {
				in := &r.Indicators[c.govIndex]
				in.Deduction = ded * hubrules.Points(missing)
				if in.Deduction > in.Earned {
					in.Deduction = in.Earned
				}
			}
		}
	}
	for i := range r.Indicators {
		in := &r.Indicators[i]
		in.Score = in.Earned - in.Deduction
		r.Raw += in.Score
	}
	// Party weighting: rational, rounded down to a tenth.
	r.Weighted = r.Raw
	if w := hubrules.Points(g.p.PartyWeightPercent); w != 100 && c.partyMax > 0 {
		party := r.PartyScore
		if party > r.Raw {
			party = r.Raw
		}
		num := (100*(r.Raw-party) + w*party) * c.full
		den := 100*(c.full-c.partyMax) + w*c.partyMax
		if den > 0 {
			r.Weighted = num / den
		}
	}
	r.Bonus = s.Bonus
	if r.Bonus > g.p.BonusMax {
		r.Bonus = g.p.BonusMax
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleLevel, Severity: hubrules.Notice, Subject: s.Org, Message: msgBonusCapped,
			Facts: []hubrules.Fact{{Name: "bonus", Value: s.Bonus.String()}, {Name: "level.bonus_max", Value: g.p.BonusMax.String()}}})
	}
	r.Total = r.Weighted + r.Bonus
	if g.p.BonusCappedAtFull && r.Total > c.full {
		r.Total = c.full
	}
	for i := range g.p.Bands {
		if g.p.Bands[i].Contains(r.Total) {
			own.setBand(&r, &g.p.Bands[i])
			r.BandGrade = r.Band.Grade
			break
		}
	}
	r.Grade = r.BandGrade
	if r.Band == nil {
		r.Checks[0].Outcome = hubrules.Fail
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleLevel, Severity: hubrules.Warning, Subject: s.Org, Message: msgNoBand,
			Facts: []hubrules.Fact{{Name: "total", Value: r.Total.String()}}})
	}
	// GRD-PARTY-01 gates.
	if c.setup >= 0 && r.Items[c.setup].Score < c.items[c.setup].max {
		// The sheet was validated, so the form is known (Index ≥ 0).
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleParty, Severity: hubrules.Notice, Subject: s.Org, Message: msgInsufficient,
			Facts: ownFacts(own.partial[:], g.partial[fi][s.PartyForm.Index()])})
	}
	// Each gate reads its parameters only on its own branch: the exclusion
	// its switch, and its member count only when the switch is on; the cap
	// only when the exclusion did not apply. A gate whose parameters are not
	// in force answers GRD-PARTY-01 not in force, and the grade stands.
	switch {
	case len(g.excludeOff) > 0:
		g.partyNotInForce(&r, s.Org, g.excludeOff)
	case g.p.PartyGateExclude && len(g.gateMinOff) > 0:
		g.partyNotInForce(&r, s.Org, g.gateMinOff)
	case g.p.PartyGateExclude && ShouldHaveParty(*s.FormalPartyMembers, g.p.PartyGateMinMembers, s.PartyForm):
		r.Evaluated = false
		r.Grade = hubrules.NoGrade
		r.Checks[1].Outcome = hubrules.Fail
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleParty, Severity: hubrules.Violation, Subject: s.Org, Message: msgNotEvaluated,
			Facts: []hubrules.Fact{{Name: "formal_party_members", Value: itoa(*s.FormalPartyMembers)}, {Name: "party.gate_min_formal_members", Value: itoa(g.p.PartyGateMinMembers)}, hubrules.CodeFact("party_form", s.PartyForm)}})
	case len(g.capOff) > 0:
		g.partyNotInForce(&r, s.Org, g.capOff)
	case g.p.PartyCapWithoutOrg != hubrules.NoGrade && !s.PartyForm.OrganizationalCoverage() && r.Grade.Rank() > g.p.PartyCapWithoutOrg.Rank():
		cp := g.p.PartyCapWithoutOrg
		r.Grade = cp
		r.Checks[1].Outcome = hubrules.Fail
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleParty, Severity: hubrules.Warning, Subject: s.Org, Message: msgCapped,
			Facts: []hubrules.Fact{hubrules.CodeFact("band_grade", r.BandGrade), hubrules.CodeFact("party.cap_without_org", cp), hubrules.CodeFact("party_form", s.PartyForm)}})
	}
	if g.notice != nil {
		f := *g.notice
		f.Subject = s.Org
		f.Facts = ownFacts(own.notice[:], f.Facts)
		r.Findings = append(r.Findings, f)
	}
	if len(r.Findings) == 0 {
		r.Findings = nil
	}
	return r, nil
}

// partyNotInForce records GRD-PARTY-01 as not in force on the grader's date
// (its gate parameters unset): a NotInForce check and its notice.
func (g *Grader) partyNotInForce(r *Result, org string, unset []hubrules.Unset) {
	r.Checks[1].Outcome = hubrules.NotInForce
	r.Findings = append(r.Findings, hubrules.NotInForceFinding(RuleParty, org, g.basis.AsOf, unset))
}

// The marks of an item's Score in grade while the scores are read.
const (
	unscored hubrules.Points = -1 // no score for the item read yet
	refused  hubrules.Points = -2 // a score for it read and refused
)

func errNil() error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "required", Message: hubrules.T("输入为空", "the input is nil")})
}

// missingItems adds one "required" problem at path naming every code of
// want that no score of given names ("scores: items legal_person, charter
// missing"), so that a partial sheet is never totalled with zeros.
func missingItems(pr *hubrules.Problems, path string, want []string, given []ItemScore) {
	have := make(map[string]bool, len(given))
	for _, g := range given {
		have[g.Item] = true
	}
	var miss []string
	for _, c := range want {
		if !have[c] {
			miss = append(miss, c)
		}
	}
	reportMissing(pr, path, miss, len(want))
}

// reportMissing adds the problem of missingItems for the codes miss of a
// sheet of total items to score; none when miss is empty.
func reportMissing(pr *hubrules.Problems, path string, miss []string, total int) {
	if len(miss) == 0 {
		return
	}
	list := strings.Join(miss, ", ")
	if len(list) > 400 {
		cut := 400
		for cut > 0 && !utf8.RuneStart(list[cut]) {
			cut--
		}
		list = list[:cut] + " …"
	}
	pr.Add(path, "required", list, hubrules.T("缺少 "+itoa(len(miss))+" 项指标的得分："+strings.Join(miss, "、"),
		"scores: items "+list+" missing ("+itoa(len(miss))+" of "+itoa(total)+")"))
}
