package funding

import (
	_ "embed"
	"sync"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/clone"
	"github.com/hubrules/hubrules/internal/setup"
)

//go:embed params.yaml
var paramsYAML []byte

// DefaultParamSet returns the parameters shipped with the package
// (params.yaml), each value with its provenance. The set is parsed once,
// on first use, and shared: a ParamSet is immutable.
func DefaultParamSet() *hubrules.ParamSet { return defaultSet() }

var defaultSet = sync.OnceValue(func() *hubrules.ParamSet { return hubrules.MustParseParams(paramsYAML) })

// Milestone names when a tranche falls due.
type Milestone string

// The milestones of a contract or award.
const (
	// MilestoneSigned: on signing (after 采购 procurement).
	MilestoneSigned Milestone = "signed"
	// MilestoneMidterm: after a passing mid-term evaluation (中期评估).
	MilestoneMidterm Milestone = "midterm"
	// MilestoneFinal: after a passing final evaluation (结项评估).
	MilestoneFinal Milestone = "final"
)

// Valid reports whether m is a known milestone.
func (m Milestone) Valid() bool {
	return m == MilestoneSigned || m == MilestoneMidterm || m == MilestoneFinal
}

// TrancheSpec is one tranche of a schedule: the milestone and its share.
type TrancheSpec struct {
	Milestone Milestone `json:"milestone" yaml:"milestone" validate:"enum"`
	Share     Rate      `json:"share" yaml:"share"`
}

// AreaShare is one area of a special fund and its share of the year's fund.
type AreaShare struct {
	Code  string        `json:"code" yaml:"code" validate:"required,max=64"`
	Name  hubrules.Text `json:"name" yaml:"name"`
	Share Rate          `json:"share" yaml:"share"`
}

// FeeParams are FND-FEE-01's parameters.
type FeeParams struct {
	Rate   Rate `param:"fee.rate"`
	Inside bool `param:"fee.inside"`
}

// SupportParams are FND-SUPPORT-01's parameters.
type SupportParams struct {
	Start hubrules.Date `param:"support.start"`
	Years int           `param:"support.years" validate:"gte=1,lte=50"`
}

// BudgetParams are FND-BUDGET-01's parameters.
type BudgetParams struct {
	Annual Money       `param:"budget.annual"`
	Areas  []AreaShare `param:"budget.areas" validate:"min=1,max=64,dive"`
}

// PurchaseParams are FND-PURCHASE-01/02's parameters.
type PurchaseParams struct {
	Tranches  []TrancheSpec `param:"purchase.tranches" validate:"min=1,max=12,dive"`
	Catalogue []string      `param:"purchase.catalogue" validate:"max=1000"`
}

// VentureParams are FND-VENTURE-01's parameters except the pool.
type VentureParams struct {
	Cap         Money         `param:"venture.cap"`
	CofundShare Rate          `param:"venture.cofund_share"`
	CofundCap   Money         `param:"venture.cofund_cap"`
	Tranches    []TrancheSpec `param:"venture.tranches" validate:"min=1,max=12,dive"`
}

// VenturePool is the programme's own pool (wuliqiao, kaixuan).
type VenturePool struct {
	Pool Money `param:"venture.pool"`
}

// PayFloor is the pay floor as shares of last year's average wage.
type PayFloor struct {
	Head   Rate `json:"head" yaml:"head"`
	Deputy Rate `json:"deputy" yaml:"deputy"`
	Other  Rate `json:"other" yaml:"other"`
}

// Ladder is the 三岗十八级 grade ladder.
type Ladder struct {
	HeadMin     int            `json:"head_min" yaml:"head_min" validate:"gte=1"`
	HeadMax     int            `json:"head_max" yaml:"head_max" validate:"gtefield=HeadMin"`
	DeputyMin   int            `json:"deputy_min" yaml:"deputy_min" validate:"gte=1"`
	DeputyMax   int            `json:"deputy_max" yaml:"deputy_max" validate:"gtefield=DeputyMin"`
	OtherMin    int            `json:"other_min" yaml:"other_min" validate:"gte=1"`
	OtherMax    int            `json:"other_max" yaml:"other_max" validate:"gtefield=OtherMin"`
	StepYears   int            `json:"step_years" yaml:"step_years" validate:"gte=1"`
	DegreeYears map[string]int `json:"degree_years" yaml:"degree_years"`
	CertGrades  map[string]int `json:"cert_grades" yaml:"cert_grades"`
}

// Contributions are employer rates on top of pay.
type Contributions struct {
	Pension      Rate `json:"pension" yaml:"pension"`
	Medical      Rate `json:"medical" yaml:"medical"`
	Unemployment Rate `json:"unemployment" yaml:"unemployment"`
	Injury       Rate `json:"injury" yaml:"injury"`
	Maternity    Rate `json:"maternity" yaml:"maternity"`
	HousingFund  Rate `json:"housing_fund" yaml:"housing_fund"`
}

// CertAllowance is the monthly allowance by certificate level.
type CertAllowance struct {
	Junior       Money `json:"junior" yaml:"junior"`
	Intermediate Money `json:"intermediate" yaml:"intermediate"`
	Senior       Money `json:"senior" yaml:"senior"`
}

// PayParams are FND-PAY-01's ladder and contribution parameters.
type PayParams struct {
	Ladder  Ladder        `param:"pay.ladder"`
	Contrib Contributions `param:"pay.contrib"`
}

// PayFloorParams are FND-PAY-01's average-wage floor (from Nanjing 2018);
// without them the floor check is not applicable.
type PayFloorParams struct {
	Floor PayFloor `param:"pay.floor"`
}

// AllowanceParams are FND-PAY-02's parameters.
type AllowanceParams struct {
	Allowance CertAllowance `param:"pay.cert_allowance"`
}

// CharityTier is one tier of 民发〔2016〕189号.
type CharityTier struct {
	Class      CharityClass        `json:"class" yaml:"class" validate:"enum"`
	MinAssets  Money               `json:"min_assets" yaml:"min_assets"`
	SpendRate  Rate                `json:"spend_rate" yaml:"spend_rate"`
	Base       string              `json:"base" yaml:"base" validate:"oneof=income assets"`
	IncomeRate Rate                `json:"income_rate,omitempty" yaml:"income_rate"`
	MgmtCap    Rate                `json:"mgmt_cap" yaml:"mgmt_cap"`
	Confidence hubrules.Confidence `json:"confidence" yaml:"confidence" validate:"enum"`
	Clause     string              `json:"clause" yaml:"clause"`
}

// CharityParams are FND-CHARITY-01's parameters.
type CharityParams struct {
	Tiers     []CharityTier `param:"charity.tiers" validate:"min=1,max=64,dive"`
	Exemption Money         `param:"charity.exemption"`
}

// DonateParams are FND-DONATE-01's parameters.
type DonateParams struct {
	EnterpriseRate Rate `param:"donate.enterprise_rate"`
	CarryYears     int  `param:"donate.carry_years" validate:"gte=0,lte=10"`
	// CarryFrom is the first day whose gifts' excess may be carried
	// (2016-09-01); read only when CarryYears > 0.
	CarryFrom      hubrules.Date `param:"donate.carry_from"`
	IndividualRate Rate          `param:"donate.individual_rate"`
}

// StartParams are FND-START-01's parameters.
type StartParams struct {
	Grant  Money `param:"start.grant"`
	Fund   Money `param:"start.fund"`
	Months int   `param:"start.months" validate:"gte=0,lte=120"`
}

// FoundationFigures are a community foundation's reported figures.
type FoundationFigures struct {
	Founding  Money `json:"founding" yaml:"founding"`
	Directors int   `json:"directors" yaml:"directors" validate:"gte=0"`
	Raised    Money `json:"raised" yaml:"raised"`
	Projects  int   `json:"projects" yaml:"projects" validate:"gte=0"`
}

// FoundParams are FND-FOUND-01's parameters.
type FoundParams struct {
	MinCapital Money `param:"found.min_capital"`
}

// FoundRecord is the programme's own foundation (kaixuan).
type FoundRecord struct {
	Figures FoundationFigures `param:"found.figures"`
}

// Reported is a programme's published spending figure.
type Reported struct {
	Year   int   `json:"year" yaml:"year"`
	Amount Money `json:"amount" yaml:"amount"`
	Posts  int   `json:"posts" yaml:"posts"`
}

// FollowParams are the programme's published figures for FND-FOLLOW-01.
type FollowParams struct {
	Reported Reported `param:"follow.reported"`
}

// CertifiedParams are the programme's certified social workers (FND-PAY-02).
type CertifiedParams struct {
	Certified AllowanceInput `param:"pay.certified"`
}

// PurchaseReported is a programme's published purchase figures.
type PurchaseReported struct {
	Year        int   `json:"year" yaml:"year"`
	Departments int   `json:"departments" yaml:"departments"`
	Projects    int   `json:"projects" yaml:"projects"`
	Amount      Money `json:"amount" yaml:"amount"`
}

// PurchaseReportParams hold the published purchase figures (jingan 2018).
type PurchaseReportParams struct {
	Reported PurchaseReported `param:"purchase.reported"`
}

// Params holds every parameter group resolved for one programme and date.
// A group none of whose parameters has a value on the date (lujiazui's
// support period asked for jingan, the charity tiers before 2016-10-20) is
// nil; a parameter of a group that has no value there is zero and listed in
// the basis' Missing. Either way the rule needing it answers not in force
// (*hubrules.NotInForceError), and the other rules are decided normally.
type Params struct {
	Fee         *FeeParams
	Support     *SupportParams
	Budget      *BudgetParams
	Purchase    *PurchaseParams
	Venture     *VentureParams
	VenturePool *VenturePool
	Pay         *PayParams
	PayFloor    *PayFloorParams
	Allowance   *AllowanceParams
	Certified   *CertifiedParams
	Follow      *FollowParams
	PurchaseRep *PurchaseReportParams
	Charity     *CharityParams
	Donate      *DonateParams
	Start       *StartParams
	Found       *FoundParams
	FoundRecord *FoundRecord
}

// Option chooses the parameters of NewEvaluator and Resolve; without one
// they resolve from DefaultParamSet.
type Option func(*setup.Config)

// WithParams resolves from set instead of DefaultParamSet: set replaces the
// shipped parameters, it is not layered on them. To add a file of your own
// to the shipped one, pass DefaultParamSet().Overlay(mine). A nil set is an
// *InputError.
func WithParams(set *hubrules.ParamSet) Option {
	return func(c *setup.Config) { c.UseSet(set) }
}

// WithResolved hands over parameters already resolved (by Resolve,
// possibly changed, or made by hand) with the basis they came with; the
// Evaluator keeps its own copies. A basis for another programme or date
// than the constructor's is an *InputError; a basis with neither is given
// the constructor's.
func WithResolved(p Params, basis hubrules.Basis) Option {
	return func(c *setup.Config) { c.UseResolved(clone.Copy(p), basis) }
}

// Resolve returns the funding parameters for programme on date with their
// basis, from the shipped DefaultParamSet or as chosen with WithParams or
// WithResolved. A parameter with no value on date is not an error: it is
// listed in the basis' Missing with the day it starts (see Params); the
// error is returned only for a bad programme or date, or a malformed value.
func Resolve(programme hubrules.Programme, date hubrules.Date, opts ...Option) (Params, hubrules.Basis, error) {
	return setup.Resolve(opts, DefaultParamSet, programme, date, resolveSet)
}

func resolveSet(set *hubrules.ParamSet, programme hubrules.Programme, date hubrules.Date) (Params, hubrules.Basis, error) {
	var p Params
	b := hubrules.Basis{Programme: programme, AsOf: date}
	var hard hubrules.Problems
	// group resolves one parameter group into dst and reports whether any
	// of its parameters is in force: a group none of whose parameters has
	// a value on date stays nil. The parameters not in force join
	// b.Missing, so that each rule answers not in force for its own.
	group := func(dst any) bool {
		gb, err := set.Resolve(programme, date, dst)
		if err != nil {
			hard.Merge("", err)
			return false
		}
		b.Params = append(b.Params, gb.Params...)
		b.Missing = append(b.Missing, gb.Missing...)
		if gb.Effective.After(b.Effective) {
			b.Effective = gb.Effective
		}
		return len(gb.Params) > 0
	}
	p.Fee = resolved[FeeParams](group)
	p.Support = resolved[SupportParams](group)
	p.Budget = resolved[BudgetParams](group)
	p.Purchase = resolved[PurchaseParams](group)
	p.Venture = resolved[VentureParams](group)
	p.VenturePool = resolved[VenturePool](group)
	p.Pay = resolved[PayParams](group)
	p.PayFloor = resolved[PayFloorParams](group)
	p.Allowance = resolved[AllowanceParams](group)
	p.Certified = resolved[CertifiedParams](group)
	p.Follow = resolved[FollowParams](group)
	p.PurchaseRep = resolved[PurchaseReportParams](group)
	p.Charity = resolved[CharityParams](group)
	p.Donate = resolved[DonateParams](group)
	p.Start = resolved[StartParams](group)
	p.Found = resolved[FoundParams](group)
	p.FoundRecord = resolved[FoundRecord](group)
	if err := hard.Err(); err != nil {
		return Params{}, b, err
	}
	return p, b, nil
}

// resolved returns a new G filled by group, nil when none of its
// parameters is in force.
func resolved[G any](group func(any) bool) *G {
	g := new(G)
	if !group(g) {
		return nil
	}
	return g
}

// need is the first line of a rule's computation: a *NotInForceError when
// any of names (the parameters this computation reads) has no value on the
// evaluator's date, else the no_params error when the group was not given
// at all (parameters handed over with WithResolved without it).
func (e *Evaluator) need(rule, group string, given bool, names ...string) error {
	if err := hubrules.RequireInForce(e.b, rule, names...); err != nil {
		return err
	}
	if !given {
		return missingGroup(rule, group)
	}
	return nil
}

func missingGroup(rule, group string) error {
	return inputErr("params."+group, "no_params", rule, "该项目在此日期没有 "+rule+" 所需参数", "the programme has no parameters for "+rule+" on this date")
}

// Name returns the milestone in Chinese and English.
func (m Milestone) Name() hubrules.Text {
	switch m {
	case MilestoneSigned:
		return hubrules.T("签约", "signed")
	case MilestoneMidterm:
		return hubrules.T("中期评估", "mid-term evaluation")
	case MilestoneFinal:
		return hubrules.T("结项评估", "final evaluation")
	}
	return hubrules.T("未知节点", "unknown milestone")
}

// Codes lists the milestones (hubrules.Coded).
func (Milestone) Codes() []hubrules.Code {
	return hubrules.CodesOf(MilestoneSigned, MilestoneMidterm, MilestoneFinal)
}
