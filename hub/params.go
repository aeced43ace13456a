package hub

import (
	_ "embed"
	"sync"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

//go:embed params.yaml
var paramsYAML []byte

// DefaultParamSet returns the parameters shipped with the package as one
// set: params.yaml (the HUB-* rules) with sync_params.yaml (the six
// synchronizations) layered on it, every number with its source, date and
// confidence. Both checkers resolve from it, so a number both need — the
// formal members of an own branch — is written once. Layer your own file on
// it with (*hubrules.ParamSet).Overlay.
func DefaultParamSet() *hubrules.ParamSet { return defaultSet() }

// Option chooses the parameters of NewChecker, NewSyncChecker, Resolve and
// ResolveSync; without one they resolve from DefaultParamSet.
type Option func(*setup.Config)

// WithParams resolves from set instead of DefaultParamSet: set replaces the
// shipped parameters, it is not layered on them. To add a file of your own
// to the shipped one, pass DefaultParamSet().Overlay(mine). A nil set is an
// *InputError.
func WithParams(set *hubrules.ParamSet) Option {
	return func(c *setup.Config) { c.UseSet(set) }
}

// WithResolved hands over parameters already resolved (by Resolve or
// ResolveSync, possibly changed, or made by hand) with the basis they came
// with: Params for NewChecker, SyncParams for NewSyncChecker. They are
// validated again. A basis for another programme or date than the
// constructor's is an *InputError; a basis with neither is given the
// constructor's.
func WithResolved[P Params | SyncParams](p P, basis hubrules.Basis) Option {
	return func(c *setup.Config) { c.UseResolved(p, basis) }
}

// defaultSet parses the embedded files once; a ParamSet is immutable.
var defaultSet = sync.OnceValue(func() *hubrules.ParamSet {
	return hubrules.MustParseParams(paramsYAML).Overlay(hubrules.MustParseParams(syncParamsYAML))
})

// Params are the numbers the HUB-* rules read. Each field is filled from a
// parameter file by its `param` tag (see params.yaml for sources).
type Params struct {
	// HUB-FORM-01: ≥3 formal members → own branch.
	OwnBranchMinFormal int `param:"form.own_branch_min_formal" validate:"gte=1,lte=1000"`
	// HUB-FORM-02: ≥7 formal members → a branch committee, else a secretary.
	CommitteeMinFormal int `param:"form.committee_min_formal" validate:"gte=1,lte=1000"`
	// HUB-FORM-02: a branch committee has 3–5 members, at most 7.
	BranchCommitteeMin int `param:"form.branch_committee_min" validate:"gte=1,lte=100"`
	BranchCommitteeMax int `param:"form.branch_committee_max" validate:"gtefield=BranchCommitteeMin,lte=100"`
	BranchCommitteeCap int `param:"form.branch_committee_cap" validate:"gtefield=BranchCommitteeMax,lte=100"`
	// HUB-FORM-02: a branch normally has at most 50 members.
	BranchMaxMembers int `param:"form.branch_max_members" validate:"gte=1,lte=100000"`
	// HUB-FORM-02: 50–99 → general branch; ≥100 → basic-level committee.
	GeneralBranchMinMembers int `param:"form.general_branch_min_members" validate:"gte=1,lte=100000"`
	CommitteeMinMembers     int `param:"form.committee_min_members" validate:"gtefield=GeneralBranchMinMembers,lte=1000000"`
	// HUB-FORM-03: a joint branch covers at most 5 units.
	JointBranchMaxUnits int `param:"form.joint_branch_max_units" validate:"gte=1,lte=1000"`
	// HUB-TERM-01: terms in years — one number, a range or a set of
	// allowed values (YearsRule; checked by the constructor) — and the
	// longest extension in months. A body's term is the rule in force on
	// the day it was elected (see Checker.Term).
	CommitteeTermYears YearsRule `param:"term.committee_years"`
	BranchTermYears    YearsRule `param:"term.branch_years"`
	CommunityTermYears YearsRule `param:"term.community_years"`
	MaxExtensionMonths int       `param:"term.max_extension_months" validate:"gte=0,lte=120"`
	TermDueSoonDays    int       `param:"term.due_soon_days" validate:"gte=0,lte=3650"`
	// HUB-XAPT-01: target cross-appointment rate, percent with one decimal ("75.0").
	CrossAppointmentTarget string `param:"xapt.target_percent" validate:"required,max=8"`
	// HUB-CENSUS-01: a census older than this many months is stale.
	CensusRefreshMonths int `param:"census.refresh_months" validate:"gte=1,lte=120"`
	// HUB-ADMIN-01: tasks that must stay with the party-building service centre.
	AdminOnlyTasks []Task `param:"admin.admin_only_tasks" validate:"dive,enum"`
	// HUB-FUNC-01: functions a hub covers.
	RequiredFunctions []Function `param:"func.required_functions" validate:"min=1,dive,enum"`
	// HUB-BOARD-01: board term and notice period.
	BoardTermYears   int `param:"board.term_years" validate:"gte=1,lte=20"`
	BoardDueSoonDays int `param:"board.due_soon_days" validate:"gte=0,lte=3650"`
	// HUB-CENTRE-01: office area and lowest grade of an outside operator.
	CentreMinOfficeM2      int            `param:"centre.min_office_m2,optional" validate:"gte=0,lte=1000000"`
	CentreMinOperatorGrade hubrules.Grade `param:"centre.min_operator_grade,optional" validate:"enum"`
	// HUB-DAY-01: the dedication day of the month.
	DedicationDay int `param:"day.dedication_day" validate:"gte=1,lte=28"`
	// HUB-XIYUAN-02: "1+2+X" station staffing.
	StationSocialWorkers    int `param:"xiyuan.station_social_workers" validate:"gte=0,lte=100"`
	StationResidentsMembers int `param:"xiyuan.station_residents_members" validate:"gte=0,lte=100"`
	StationMinOrgs          int `param:"xiyuan.station_min_orgs" validate:"gte=0,lte=10000"`
	// HUB-XIYUAN-03: certified social workers per community body.
	MinCertifiedPerBody int `param:"xiyuan.min_certified_per_body" validate:"gte=0,lte=100"`
}

// Resolve returns the parameters of the HUB-* rules for programme on date,
// with their basis: from the shipped DefaultParamSet, or as chosen with
// WithParams or WithResolved. NewChecker resolves through it.
func Resolve(programme hubrules.Programme, date hubrules.Date, opts ...Option) (Params, hubrules.Basis, error) {
	return setup.Resolve(opts, DefaultParamSet, programme, date, setup.FromSet[Params])
}
