package incubation

import (
	_ "embed"

	"github.com/hubrules/hubrules"
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
)

//go:embed params.yaml
var paramsYAML []byte

var defaultSet = hubrules.MustParseParams(paramsYAML)

// DefaultParamSet returns the parameter file shipped with the package
// (params.yaml): national values with their provenance. Overlay a file of
// your own on it to set a programme's values.
func DefaultParamSet() *hubrules.ParamSet { return defaultSet }

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
}

// DefaultParams resolves the shipped parameters for programme on date.
func DefaultParams(programme hubrules.Programme, date hubrules.Date) (Params, hubrules.Basis, error) {
	return ParamsFrom(defaultSet, programme, date)
}

// ParamsFrom resolves the parameters of set (for example the shipped set
// overlaid with a city's own file) for programme on date.
func ParamsFrom(set *hubrules.ParamSet, programme hubrules.Programme, date hubrules.Date) (Params, hubrules.Basis, error) {
	var p Params
	if set == nil {
		return p, hubrules.Basis{}, hubrules.NewInputError(hubrules.FieldError{Path: "params", Code: "required",
			Message: hubrules.T("缺少参数集", "the parameter set is missing")})
	}
	b, err := set.Resolve(programme, date, &p)
	if err != nil {
		return Params{}, hubrules.Basis{}, err
	}
	return p, b, nil
}
