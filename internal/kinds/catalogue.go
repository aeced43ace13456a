package kinds

import (
	"sort"

	"github.com/hubrules/hubrules"
)

// RuleEntry is a rule of the catalogue with its parameters' values per
// programme (hubrules explain, GET /v1/rules/{id}).
type RuleEntry struct {
	hubrules.Rule
	ParamValues []ParamEntry `json:"param_values,omitempty"`
}

// ParamEntry is one parameter of a rule with its values per programme,
// each with its start date, confidence and source.
type ParamEntry struct {
	Name        string              `json:"name"`
	Description hubrules.Text       `json:"description"`
	Unit        string              `json:"unit,omitempty"`
	Values      []hubrules.ParamRef `json:"values"`
}

// Rules returns the rules of every package, joined.
func Rules() hubrules.Catalogue {
	var cats []hubrules.Catalogue
	for _, p := range packages {
		cats = append(cats, p.Rules)
	}
	return hubrules.Join(cats...)
}

// Explain returns the rule with ID id, with its parameters' values, and
// its package.
func Explain(id string) (RuleEntry, Package, bool) {
	for _, p := range packages {
		r, ok := p.Rules.Lookup(id)
		if !ok {
			continue
		}
		entry := RuleEntry{Rule: r}
		for _, name := range r.Params {
			for _, set := range p.DefaultSets() {
				if vals := set.Values(name); len(vals) > 0 {
					desc, unit := set.Description(name)
					entry.ParamValues = append(entry.ParamValues, ParamEntry{Name: name, Description: desc, Unit: unit, Values: vals})
					break
				}
			}
		}
		return entry, p, true
	}
	return RuleEntry{}, Package{}, false
}

// InEffect is one parameter in effect for a programme on a date (hubrules
// params, GET /v1/params/{package}): its value, or the error of a value
// that no programme's set has on that date.
type InEffect struct {
	Name        string               `json:"name"`
	Description hubrules.Text        `json:"description"`
	Value       *hubrules.ParamRef   `json:"value,omitempty"`
	Error       *hubrules.InputError `json:"error,omitempty"`
}

// ParamsInEffect returns every parameter of package p in effect for
// programme on date, by name within each set, with set(s) applied to each
// default set first (a parameter file layered over it), and the warnings
// of the sets, each once.
func ParamsInEffect(p Package, programme hubrules.Programme, date hubrules.Date, set func(*hubrules.ParamSet) (*hubrules.ParamSet, error)) ([]InEffect, []hubrules.FieldError, error) {
	var out []InEffect
	warnings := []hubrules.FieldError{}
	for _, set0 := range p.DefaultSets() {
		s, err := set(set0)
		if err != nil {
			return nil, nil, err
		}
		warnings = appendNew(warnings, s.Warnings())
		names := s.Names()
		sort.Strings(names)
		for _, n := range names {
			desc, _ := s.Description(n)
			ref, err := s.Lookup(n, programme, date)
			item := InEffect{Name: n, Description: desc}
			if err != nil {
				ie, _ := err.(*hubrules.InputError)
				item.Error = ie
			} else {
				item.Value = &ref
			}
			out = append(out, item)
		}
	}
	return out, warnings, nil
}

// PackageNamed returns the rule package named name.
func PackageNamed(name string) (Package, bool) {
	for _, p := range packages {
		if p.Name == name {
			return p, true
		}
	}
	return Package{}, false
}

// PackageNames returns the names of the rule packages, in order.
func PackageNames() []string {
	var names []string
	for _, p := range packages {
		names = append(names, p.Name)
	}
	return names
}

// appendNew appends the warnings of ws not already in dst (a user file
// overlaid on two sets of a package reports its warnings once).
func appendNew(dst, ws []hubrules.FieldError) []hubrules.FieldError {
	for _, w := range ws {
		seen := false
		for _, d := range dst {
			if d.Path == w.Path && d.Code == w.Code {
				seen = true
			}
		}
		if !seen {
			dst = append(dst, w)
		}
	}
	return dst
}
