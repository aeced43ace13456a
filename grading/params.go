package grading

import (
	_ "embed"
	"sync"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

//go:embed params.yaml
var paramsYAML []byte

// defaultSet parses params.yaml on first use, not when the package is
// loaded: a program that never reads these parameters does not pay for
// parsing them.
var defaultSet = sync.OnceValue(func() *hubrules.ParamSet { return hubrules.MustParseParams(paramsYAML) })

// DefaultParamSet returns the shipped parameter file (params.yaml): the
// national base and every programme's own values, with provenance. Layer a
// caller's file on it with Overlay.
func DefaultParamSet() *hubrules.ParamSet { return defaultSet() }

// Option chooses the parameters of NewGrader, NewStanding and Resolve;
// without one they resolve from DefaultParamSet.
type Option func(*setup.Config)

// WithParams resolves from set instead of DefaultParamSet: set replaces the
// shipped parameters, it is not layered on them. To add a file of your own
// to the shipped one, pass DefaultParamSet().Overlay(mine). A nil set is an
// *InputError.
func WithParams(set *hubrules.ParamSet) Option {
	return func(c *setup.Config) { c.UseSet(set) }
}

// WithResolved hands NewGrader parameters already resolved (by Resolve,
// possibly changed, or made by hand) with the basis they came with; their
// structure is checked again. A basis for another programme or date than
// the constructor's is an *InputError; a basis with neither is given the
// constructor's. NewStanding refuses it: it reads every version of the
// measures, which only a parameter set holds.
func WithResolved(p Params, basis hubrules.Basis) Option {
	return func(c *setup.Config) { c.UseResolved(p, basis) }
}

// FormPercent is the party set-up item's score by party-organization form,
// in percent of the item's maximum (GRD-PARTY-01).
type FormPercent struct {
	OwnBranch      int `json:"own_branch" yaml:"own_branch" validate:"gte=0,lte=100"`
	JointBranch    int `json:"joint_branch" yaml:"joint_branch" validate:"gte=0,lte=100"`
	ActivityBranch int `json:"activity_branch" yaml:"activity_branch" validate:"gte=0,lte=100"`
	Liaison        int `json:"liaison" yaml:"liaison" validate:"gte=0,lte=100"`
	None           int `json:"none" yaml:"none" validate:"gte=0,lte=100"`
}

// Of returns the percent for form.
func (f FormPercent) Of(form hubrules.PartyForm) int {
	switch form {
	case hubrules.OwnBranch:
		return f.OwnBranch
	case hubrules.JointBranch:
		return f.JointBranch
	case hubrules.ActivityBranch:
		return f.ActivityBranch
	case hubrules.Liaison:
		return f.Liaison
	}
	return f.None
}

// Weighted is a dimension or rater group of the annual assessment with its
// weight in percent (GRD-ANNUAL-01).
type Weighted struct {
	Code   string        `json:"code" yaml:"code" validate:"required,max=64"`
	Name   hubrules.Text `json:"name" yaml:"name"`
	Weight int           `json:"weight" yaml:"weight" validate:"gte=0,lte=100"`
}

// NormArea is an area of the kaixuan 2021 standard with its number of norms
// (GRD-NORM-01).
type NormArea struct {
	Code  string        `json:"code" yaml:"code" validate:"required,max=64"`
	Name  hubrules.Text `json:"name" yaml:"name"`
	Count int           `json:"count" yaml:"count" validate:"gte=1,lte=1000"`
}

// Params are the grading parameters in effect for one programme on one
// date. Resolve them with Resolve, which also checks the
// structure (sheets that add up, band tables without gaps or overlaps).
type Params struct {
	SheetSocialGroup    Sheet           `param:"level.sheet.social_group"`
	SheetServiceInst    Sheet           `param:"level.sheet.social_service_institution"`
	SheetFoundation     Sheet           `param:"level.sheet.foundation"`
	SheetCommunityOrg   Sheet           `param:"level.sheet.community_org"`
	Bands               []Band          `param:"level.bands" validate:"min=1,max=5"`
	BonusMax            hubrules.Points `param:"level.bonus_max" validate:"gte=0"`
	BonusCappedAtFull   bool            `param:"level.bonus_capped_at_full"`
	PartyFormPercent    FormPercent     `param:"party.form_percent"`
	PartyWeightPercent  int             `param:"party.weight_percent" validate:"gte=0,lte=10000"`
	PartyGateMinMembers int             `param:"party.gate_min_formal_members" validate:"gte=1,lte=1000"`
	PartyGateExclude    bool            `param:"party.gate_exclude_should_have"`
	PartyCapWithoutOrg  hubrules.Grade  `param:"party.cap_without_org" validate:"enum"`
	StarItems           []Item          `param:"star.items" validate:"min=1,max=100"`
	StarBands           []StarBand      `param:"star.bands" validate:"min=1,max=5"`
	AnnualDimensions    []Weighted      `param:"annual.dimensions" validate:"min=1,max=20,dive"`
	AnnualRaterGroups   []Weighted      `param:"annual.rater_groups" validate:"min=1,max=20,dive"`
	NormTotal           int             `param:"norm.total" validate:"gte=1,lte=1000"`
	NormAreas           []NormArea      `param:"norm.areas" validate:"min=1,max=20,dive"`
}

// Sheet returns the indicator sheet for a legal form.
func (p Params) Sheet(form hubrules.LegalForm) *Sheet {
	switch form {
	case hubrules.SocialGroup:
		return &p.SheetSocialGroup
	case hubrules.SocialServiceInstitution:
		return &p.SheetServiceInst
	case hubrules.Foundation:
		return &p.SheetFoundation
	case hubrules.CommunityOrg:
		return &p.SheetCommunityOrg
	}
	return nil
}

// Resolve returns the grading parameters for programme on date with their
// basis, from the shipped DefaultParamSet or as chosen with WithParams or
// WithResolved, and checks their structure: every sheet's
// items add up to its indicators, all sheets share one full score, band
// tables have no gap or overlap (the message names the edges), the annual
// weights add up to 100 and the norm areas to the norm total.
func Resolve(programme hubrules.Programme, date hubrules.Date, opts ...Option) (Params, hubrules.Basis, error) {
	p, b, err := setup.Resolve(opts, DefaultParamSet, programme, date, setup.FromSet[Params])
	if err != nil {
		return Params{}, hubrules.Basis{}, err
	}
	if err := p.Check(); err != nil {
		return Params{}, hubrules.Basis{}, err
	}
	return p, b, nil
}

var sheetParamNames = [4]string{"level.sheet.social_group", "level.sheet.social_service_institution", "level.sheet.foundation", "level.sheet.community_org"}

// Check checks the structure of p (see Resolve). Paths start with
// "params." and the parameter name. A parameter left at its zero value — an
// empty sheet, no bands, no weights — is one not in force on the date
// (Resolve leaves it so and lists it in the basis' Missing) and is not
// checked: the rule that needs it answers not in force instead.
func (p *Params) Check() error {
	var pr hubrules.Problems
	sheets := [4]*Sheet{&p.SheetSocialGroup, &p.SheetServiceInst, &p.SheetFoundation, &p.SheetCommunityOrg}
	full := hubrules.Points(-1)
	for i, s := range sheets {
		if s.Code == "" && len(s.Indicators) == 0 {
			continue // not in force
		}
		path := "params." + sheetParamNames[i]
		s.check(path, &pr)
		if f := s.Full(); f > hubrules.Pt(100000) {
			pr.Add(path, "max", f.String(), hubrules.T("满分超过 100000 分", "the full score exceeds 100000 points"))
		} else if full < 0 {
			full = f
		} else if f != full {
			pr.Add(path, "full", f.String(), hubrules.T("各指标表满分不一致："+f.String()+" 与 "+full.String(),
				"the sheets' full scores differ: "+f.String()+" and "+full.String()))
		}
	}
	if len(p.Bands) > 0 {
		checkGradeBands("params.level.bands", p.Bands, &pr)
	}
	if len(p.Bands) > 0 && full > 0 {
		lowest := p.Bands[0].Lower.Points
		for _, b := range p.Bands {
			if b.Lower.Points < lowest {
				lowest = b.Lower.Points
			}
		}
		if lowest >= full+p.BonusMax {
			pr.Add("params.level.bands", "scale", lowest.String(), hubrules.T("最低档下限 "+lowest.String()+" 不低于可得最高分 "+(full+p.BonusMax).String()+"（分档与指标表量纲不符）",
				"the lowest band edge "+lowest.String()+" is not below the highest possible score "+(full+p.BonusMax).String()+" (bands and sheet differ in scale)"))
		}
	}
	if len(p.StarBands) > 0 {
		checkStarBands("params.star.bands", p.StarBands, &pr)
	}
	star := Sheet{Code: "star", Indicators: []Indicator{{Code: "star", Max: 1, Items: p.StarItems}}}
	var starMax hubrules.Points
	for _, it := range p.StarItems {
		starMax += it.Max
	}
	star.Indicators[0].Max = starMax
	if len(p.StarItems) > 0 {
		star.check("params.star.items", &pr)
	}
	for _, w := range [2]struct {
		name string
		ws   []Weighted
	}{{"annual.dimensions", p.AnnualDimensions}, {"annual.rater_groups", p.AnnualRaterGroups}} {
		if len(w.ws) == 0 {
			continue // not in force
		}
		sum := 0
		seen := map[string]bool{}
		for i, x := range w.ws {
			if seen[x.Code] {
				pr.Add(hubrules.Index("params."+w.name, i)+".code", "duplicate", x.Code, hubrules.T("代码重复："+x.Code, "duplicate code: "+x.Code))
			}
			seen[x.Code] = true
			sum += x.Weight
		}
		if sum != 100 {
			pr.Add("params."+w.name, "sum", itoa(sum), hubrules.T("权重合计应为 100，实际为 "+itoa(sum), "weights must add up to 100, got "+itoa(sum)))
		}
	}
	n := 0
	for _, a := range p.NormAreas {
		n += a.Count
	}
	if n != p.NormTotal && (len(p.NormAreas) > 0 || p.NormTotal != 0) {
		pr.Add("params.norm.areas", "sum", itoa(n), hubrules.T("各领域规范条数之和 "+itoa(n)+" 不等于总数 "+itoa(p.NormTotal),
			"the norms per area add up to "+itoa(n)+", not the total "+itoa(p.NormTotal)))
	}
	return pr.Err()
}

// clone returns a copy of p that shares no memory with it.
func (p Params) clone() Params {
	for _, s := range []*Sheet{&p.SheetSocialGroup, &p.SheetServiceInst, &p.SheetFoundation, &p.SheetCommunityOrg} {
		s.Indicators = cloneSlice(s.Indicators)
		for i := range s.Indicators {
			s.Indicators[i].Items = cloneSlice(s.Indicators[i].Items)
		}
	}
	p.Bands = cloneSlice(p.Bands)
	for i := range p.Bands {
		p.Bands[i].Upper = cloneEdge(p.Bands[i].Upper)
	}
	p.StarBands = cloneSlice(p.StarBands)
	for i := range p.StarBands {
		p.StarBands[i].Upper = cloneEdge(p.StarBands[i].Upper)
	}
	p.StarItems = cloneSlice(p.StarItems)
	p.AnnualDimensions = cloneSlice(p.AnnualDimensions)
	p.AnnualRaterGroups = cloneSlice(p.AnnualRaterGroups)
	p.NormAreas = cloneSlice(p.NormAreas)
	return p
}

func cloneEdge(e *Edge) *Edge {
	if e == nil {
		return nil
	}
	c := *e
	return &c
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
