package incubation

import (
	_ "embed"
	"sync"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

// Parameter names in params.yaml.
const (
	ParamTermMonths      = "term.months"
	ParamExtensionMonths = "extension.months"
	ParamExtensionMax    = "extension.max"
	ParamBranchMin       = "graduation.branch_min_formal_members"
	ParamMinProjects     = "graduation.min_projects"
	ParamMinAssessment   = "graduation.min_assessment"
	ParamMinSatisfaction = "graduation.min_satisfaction_percent"
	ParamBaseRequired    = "network.base_required"
)

//go:embed params.yaml
var paramsYAML []byte

// defaultSet parses params.yaml on first use, not when the package is
// loaded: a program that never reads these parameters does not pay for
// parsing them.
var defaultSet = sync.OnceValue(func() *hubrules.ParamSet { return hubrules.MustParseParams(paramsYAML) })

// DefaultParamSet returns the parameter file shipped with the package
// (params.yaml): national values with their provenance. Overlay a file of
// your own on it to set a programme's values.
func DefaultParamSet() *hubrules.ParamSet { return defaultSet() }

// Option chooses the parameters of NewMachine and Resolve; without one they
// resolve from DefaultParamSet.
type Option func(*setup.Config)

// WithParams resolves from set instead of DefaultParamSet: set replaces the
// shipped parameters, it is not layered on them. To add a file of your own
// to the shipped one, pass DefaultParamSet().Overlay(mine). A nil set is an
// *InputError.
func WithParams(set *hubrules.ParamSet) Option {
	return func(c *setup.Config) { c.UseSet(set) }
}

// WithResolved hands over parameters already resolved (by Resolve,
// possibly changed, or made by hand) with the basis they came with; they
// are validated again. A basis for another programme or date than the
// constructor's is an *InputError; a basis with neither is given the
// constructor's.
func WithResolved(p Params, basis hubrules.Basis) Option {
	return func(c *setup.Config) { c.UseResolved(p, basis) }
}

// Params are the numbers of the incubation rules, resolved for a programme
// and a date.
type Params struct {
	// TermMonths is the incubation term (INC-PERIOD-01): 12, secondary.
	TermMonths int `param:"term.months" json:"term_months" validate:"gte=1,lte=120"`
	// ExtensionMonths is the length of one extension: 6, illustrative.
	ExtensionMonths int `param:"extension.months" json:"extension_months" validate:"gte=1,lte=120"`
	// ExtensionMax is how many extensions a term may have: 1, illustrative.
	ExtensionMax int `param:"extension.max" json:"extension_max" validate:"gte=0,lte=10"`
	// BranchMinFormalMembers is the count of formal party members from which
	// an organization needs its own branch (HUB-FORM-01): 3, verified.
	BranchMinFormalMembers int `param:"graduation.branch_min_formal_members" json:"branch_min_formal_members" validate:"gte=1,lte=100"`
	// MinProjects is the projects delivered before graduation: 1, illustrative.
	MinProjects int `param:"graduation.min_projects" json:"min_projects" validate:"gte=0,lte=1000"`
	// MinAssessment is the latest annual assessment needed, out of 100: 60, illustrative.
	MinAssessment int `param:"graduation.min_assessment" json:"min_assessment" validate:"gte=0,lte=100"`
	// MinSatisfactionPercent is the resident satisfaction needed: 80, illustrative.
	MinSatisfactionPercent int `param:"graduation.min_satisfaction_percent" json:"min_satisfaction_percent" validate:"gte=0,lte=100"`
	// BaseRequired says whether admission needs a base of the three-level
	// incubation network (INC-NET-01): true for jingan, whose rule the
	// network is; false elsewhere, where an applicant meeting INC-ADMIT-01
	// is admitted without one.
	BaseRequired bool `param:"network.base_required" json:"base_required"`
}

// Resolve returns the incubation parameters for programme on date with
// their basis, from the shipped DefaultParamSet or as chosen with
// WithParams or WithResolved. NewMachine resolves through it.
func Resolve(programme hubrules.Programme, date hubrules.Date, opts ...Option) (Params, hubrules.Basis, error) {
	return setup.Resolve(opts, DefaultParamSet, programme, date, setup.FromSet[Params])
}
