package kinds

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

// IncubateResult is the result of "incubate": the new record and the
// decision of the firing.
type IncubateResult struct {
	Record   incubation.Record   `json:"record"`
	Decision incubation.Decision `json:"decision"`
}

// incubationSets returns the incubation package's default parameter sets (Kind.Sets).
func incubationSets() []*hubrules.ParamSet { return []*hubrules.ParamSet{incubation.DefaultParamSet()} }

func init() {
	packages = append(packages, Package{Name: "incubation", Rules: incubation.Rules(), Sets: incubationSets})
	register(Kind{Name: "incubate", Package: "incubation", Sets: incubationSets,
		Summary: hubrules.T("孵化阶段流转（入壳、出壳、参与治理…）", "fire a trigger of the incubation stage machine (admit, graduate, engage, …)"),
		Input:   func() any { return new(incubation.Request) },
		Eval: func(env Env, in any) (Outcome, error) {
			// DecodeRequest adds the checks of facts and of the record
			// against a replay of its history to plain decoding.
			raw, err := json.Marshal(in)
			if err != nil {
				return Outcome{}, err
			}
			req, err := incubation.DecodeRequest(raw)
			if err != nil {
				return Outcome{}, err
			}
			m, err := prepared("incubation", env, func() (*incubation.Machine, error) {
				return incubation.NewMachine(env.Programme, env.Date, incubation.WithParams(env.Set(incubation.DefaultParamSet())))
			})
			if err != nil {
				return Outcome{}, err
			}
			rec, dec, err := m.FireRequest(req)
			var te *incubation.TransitionError
			if errors.As(err, &te) {
				// A trigger the state does not allow is a mistake in the
				// request, reported like any other bad field.
				// Chinese labels with the code in brackets, English codes.
				allowed := make([]string, len(te.Allowed))
				allowedZH := make([]string, len(te.Allowed))
				for i, t := range te.Allowed {
					allowed[i] = string(t)
					allowedZH[i] = t.Name().ZH + "（" + string(t) + "）"
				}
				return Outcome{}, hubrules.NewInputError(hubrules.FieldError{Path: "trigger", Code: "not_allowed", Value: string(te.Trigger),
					Param: strings.Join(allowed, ","),
					Message: hubrules.T("状态"+te.State.Name().ZH+"（"+string(te.State)+"）不允许触发"+te.Trigger.Name().ZH+"（"+string(te.Trigger)+"）；允许："+strings.Join(allowedZH, "、"),
						"trigger "+string(te.Trigger)+" is not allowed in state "+string(te.State)+"; allowed: "+strings.Join(allowed, ", "))})
			}
			if err != nil {
				return Outcome{}, err
			}
			res := IncubateResult{Record: rec, Decision: dec}
			rep := dec.Report()
			return Outcome{Value: res, Compliant: dec.Fired(), Describe: dec.Describe,
				Findings: failed(rep), Refused: dec.UnmetRules(), State: string(rec.State),
				Verdict: verdict(rep, !dec.Fired()), Report: rep, Result: trim(res, "decision.basis")}, nil
		}})
}
