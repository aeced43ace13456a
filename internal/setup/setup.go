// Package setup is the one way the rule packages (hub, grading, funding,
// incubation) choose their parameters: each package's New… constructors and
// its Resolve take (programme, date, opts...), where an option either names
// the parameter set to resolve from (WithParams) or hands over parameters
// the caller has already resolved (WithResolved). The packages keep their
// own exported Option types; this package holds the shared logic so that the
// four behave alike.
package setup

import "github.com/hubrules/hubrules"

// Config collects what the options of one call chose.
type Config struct {
	set      *hubrules.ParamSet
	setGiven bool
	resolved any
	basis    hubrules.Basis
	chosen   []string // the options given, in order, for the conflict message
}

// UseSet records WithParams(set): set replaces the package's shipped set.
func (c *Config) UseSet(set *hubrules.ParamSet) {
	c.set, c.setGiven = set, true
	c.chosen = append(c.chosen, "WithParams")
}

// UseResolved records WithResolved(p, basis).
func (c *Config) UseResolved(p any, basis hubrules.Basis) {
	c.resolved, c.basis = p, basis.Clone()
	c.chosen = append(c.chosen, "WithResolved")
}

// Resolved returns the parameters given by WithResolved, if any.
func (c *Config) Resolved() (any, bool) { return c.resolved, c.resolved != nil }

// Resolve applies opts and returns the parameters for programme on date:
// those given with WithResolved (their basis must be for the same programme
// and date, or carry neither), else those resolve reads from the set given
// with WithParams, else from def, the package's shipped set.
func Resolve[P any, O ~func(*Config)](opts []O, def func() *hubrules.ParamSet, programme hubrules.Programme, date hubrules.Date,
	resolve func(*hubrules.ParamSet, hubrules.Programme, hubrules.Date) (P, hubrules.Basis, error)) (P, hubrules.Basis, error) {
	var zero P
	c := Apply(opts)
	if err := Check(&c, programme, date); err != nil {
		return zero, hubrules.Basis{}, err
	}
	if r, ok := c.Resolved(); ok {
		p, ok := r.(P)
		if !ok {
			return zero, hubrules.Basis{}, hubrules.NewInputError(hubrules.FieldError{Path: "params", Code: "type",
				Message: hubrules.T("WithResolved 给出的参数类型不适用于此构造函数", "the parameters given with WithResolved are not of the type this constructor needs")})
		}
		return p, c.basis.Clone(), nil
	}
	return resolve(c.Set(def), programme, date)
}

// Apply runs opts on a new Config.
func Apply[O ~func(*Config)](opts []O) Config {
	var c Config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// Check refuses what no package can resolve: an unknown programme, a
// missing date, a nil set, two parameter options at once, and resolved
// parameters whose basis is for another programme or date. A basis with no
// programme or date is given those of the call.
func Check(c *Config, programme hubrules.Programme, date hubrules.Date) error {
	var pr hubrules.Problems
	if !programme.Valid() {
		pr.Add("programme", "enum", string(programme), hubrules.T("未知的项目代码："+string(programme), "unknown programme: "+string(programme)))
	}
	if date.IsZero() {
		pr.Add("date", "required", "", hubrules.T("需要评估日期（参数按该日解析）", "a date is required (the parameters are resolved as of it)"))
	}
	if len(c.chosen) > 1 {
		pr.Add("params", "conflict", "", hubrules.T("WithParams 与 WithResolved 只能给出一个", "give either WithParams or WithResolved, not both"))
	}
	if c.setGiven && c.set == nil {
		pr.Add("params", "required", "", hubrules.T("缺少参数集", "the parameter set is missing"))
	}
	if c.resolved != nil {
		if c.basis.Programme == "" {
			c.basis.Programme = programme
		} else if c.basis.Programme != programme {
			pr.Add("basis.programme", "mismatch", string(c.basis.Programme),
				hubrules.T("已解析参数属于项目 "+string(c.basis.Programme)+"，而不是 "+string(programme),
					"the resolved parameters are for programme "+string(c.basis.Programme)+", not "+string(programme)))
		}
		if c.basis.AsOf.IsZero() {
			c.basis.AsOf = date
		} else if !date.IsZero() && c.basis.AsOf != date {
			pr.Add("basis.as_of", "mismatch", c.basis.AsOf.String(),
				hubrules.T("已解析参数的日期为 "+c.basis.AsOf.String()+"，而不是 "+date.String(),
					"the resolved parameters are as of "+c.basis.AsOf.String()+", not "+date.String()))
		}
	}
	return pr.Err()
}

// Set returns the set given with WithParams, else def().
func (c *Config) Set(def func() *hubrules.ParamSet) *hubrules.ParamSet {
	if c.setGiven {
		return c.set
	}
	return def()
}

// FromSet resolves set into a new P for programme on date: the resolve
// function of a package whose Params need no more than set.Resolve.
func FromSet[P any](set *hubrules.ParamSet, programme hubrules.Programme, date hubrules.Date) (P, hubrules.Basis, error) {
	var p P
	b, err := set.Resolve(programme, date, &p)
	if err != nil {
		var zero P
		return zero, hubrules.Basis{}, err
	}
	return p, b, nil
}

// SetToReresolve returns the parameter set a prepared value resolves from
// again when it is asked about another date than its own: the set given
// with WithParams, else def(); nil when the parameters were handed over
// already resolved (WithResolved), which hold for their own date only.
func SetToReresolve[O ~func(*Config)](opts []O, def func() *hubrules.ParamSet) *hubrules.ParamSet {
	c := Apply(opts)
	if _, ok := c.Resolved(); ok {
		return nil
	}
	return c.Set(def)
}
