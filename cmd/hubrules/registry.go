package main

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

func packages() []pkgInfo {
	var out []pkgInfo
	for _, p := range kinds.Packages() {
		out = append(out, pkgInfo{name: p.Name, rules: p.Rules, sets: p.Sets})
	}
	return out
}

// commands returns one command per evaluation kind of internal/kinds.
func commands() []command {
	var out []command
	for _, k := range kinds.All() {
		k := k
		out = append(out, command{path: k.Name, pkg: k.Package, summary: k.Summary, input: k.Input, lines: k.Lines,
			eval: func(e *env, in any) (outcome, error) {
				env, err := e.kindEnv()
				if err != nil {
					return outcome{}, err
				}
				o, err := k.Eval(env, in)
				if err != nil {
					return outcome{}, err
				}
				return outcome{decision: k.Decision(env, o), describe: o.Describe}, nil
			},
			ruleSet: func(e *env) (hubrules.RuleSet, error) {
				env, err := e.kindEnv()
				if err != nil {
					return hubrules.RuleSet{}, err
				}
				return k.RuleSet(env), nil
			}})
	}
	return out
}

// kindEnv returns the evaluation environment of the flags, with the
// --params file parsed once.
func (e *env) kindEnv() (kinds.Env, error) {
	env := kinds.Env{Programme: e.programme, Date: e.date, DateSource: e.dateSource}
	if e.paramsFile == "" {
		return env, nil
	}
	if e.overlay == nil {
		set, err := readParamsFile(e.paramsFile)
		if err != nil {
			return env, err
		}
		if err := kinds.CheckOverlay(e.pkg, set); err != nil {
			return env, err
		}
		e.overlay = set
	}
	env.Overlays = []*hubrules.ParamSet{e.overlay}
	return env, nil
}
