package hubrules

import (
	"errors"
	"reflect"
	"strings"
)

// ErrNotInForce is matched (errors.Is) by every *NotInForceError.
var ErrNotInForce = errors.New("hubrules: rule not in force")

// NotInForceError is the answer of a computation whose rule was not in force
// on the date asked (未施行): a fee, an allocation or a grade that cannot be
// computed because a parameter it needs has no value on that date. It is
// not bad input, and it names only that rule: the checker or evaluator that
// returned it answers its other rules normally. The decision envelope
// reports it as a refusal with a not_in_force finding (Finding).
type NotInForceError struct {
	Rule  string
	AsOf  Date
	Unset []Unset
}

// Error returns the reason in English (Message gives both languages).
func (e *NotInForceError) Error() string { return e.Message().EN }

// Unwrap makes errors.Is(err, ErrNotInForce) true.
func (e *NotInForceError) Unwrap() error { return ErrNotInForce }

// Message says which rule is not in force on which date and when each of
// its parameters starts.
func (e *NotInForceError) Message() Text {
	return notInForceText(e.Rule, e.AsOf, e.Unset)
}

// Finding is the Notice that records the rule as not in force, with a fact
// per unset parameter (its name, and the day it starts or was repealed).
func (e *NotInForceError) Finding(subject string) Finding {
	return NotInForceFinding(e.Rule, subject, e.AsOf, e.Unset)
}

// Check is the rule's NotInForce check.
func (e *NotInForceError) Check(subject string) Check {
	return Check{Rule: e.Rule, Subject: subject, Outcome: NotInForce}
}

// RequireInForce returns a *NotInForceError for rule when any of names is
// unset in basis (Basis.Unset), else nil: the first line of a computation
// that needs those parameters.
func RequireInForce(basis Basis, rule string, names ...string) error {
	u := basis.Unset(names...)
	if len(u) == 0 {
		return nil
	}
	return &NotInForceError{Rule: rule, AsOf: basis.AsOf, Unset: u}
}

// NotInForceFinding is the Notice finding of a rule that was not checked
// because the parameters unset had no value on asOf. Its facts are
// not_in_force (the parameter) followed by starts or repealed, one pair per
// parameter, so that a reader sees when the rule applies.
func NotInForceFinding(rule, subject string, asOf Date, unset []Unset) Finding {
	f := Finding{Rule: rule, Severity: Notice, Subject: subject, Message: notInForceText(rule, asOf, unset)}
	f.Facts = append(f.Facts, Fact{Name: "as_of", Value: asOf.String()})
	for _, u := range unset {
		f.Facts = append(f.Facts, Fact{Name: "not_in_force", Value: u.Name})
		switch {
		case !u.Repealed.IsZero():
			f.Facts = append(f.Facts, Fact{Name: "repealed", Value: u.Repealed.String()})
		case !u.Starts.IsZero():
			f.Facts = append(f.Facts, Fact{Name: "starts", Value: u.Starts.String()})
		}
	}
	return f
}

// NotInForceReport is the report of a rule not in force on asOf: one
// NotInForce check and its Notice finding, on basis.
func NotInForceReport(basis Basis, rule, subject string, unset []Unset) Report {
	return Report{Basis: basis, Checks: []Check{{Rule: rule, Subject: subject, Outcome: NotInForce}},
		Findings: []Finding{NotInForceFinding(rule, subject, basis.AsOf, unset)}}
}

func notInForceText(rule string, asOf Date, unset []Unset) Text {
	zh := make([]string, len(unset))
	en := make([]string, len(unset))
	for i, u := range unset {
		zh[i], en[i] = u.Describe(ZH), u.Describe(EN)
	}
	return T("规则 "+rule+" 在 "+asOf.String()+" 未施行："+strings.Join(zh, "；"),
		"rule "+rule+" is not in force on "+asOf.String()+": "+strings.Join(en, "; "))
}

// OtherDate is the *InputError of a prepared checker asked about another
// date than the one its parameters were resolved for, when it cannot
// resolve them again (they were handed over already resolved): path names
// the date field, asked the date asked.
func OtherDate(path string, asked, prepared Date) error {
	return NewInputError(FieldError{Path: path, Code: "other_date", Value: asked.String(), Param: prepared.String(),
		Message: T("评估日 "+asked.String()+" 与参数的解析日 "+prepared.String()+" 不同：已解析的参数只适用于其解析日，请为该日重新准备",
			"the date "+asked.String()+" differs from the date the parameters were resolved for, "+prepared.String()+": resolved parameters apply to their own date only; prepare again for this date")})
}

// ValidateParams checks the `validate` tags of the parameter struct p points
// to, leaving out the fields whose parameter (`param` tag) basis lists as
// missing: a parameter not in force stays at its zero value, which its
// rule never reads. It is Validate for parameters resolved by
// ParamSet.Resolve or handed over with their basis.
func ValidateParams(p any, basis Basis) error {
	rv := reflect.ValueOf(p)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct || len(basis.Missing) == 0 {
		return Validate(p)
	}
	var skip []int
	for i := 0; i < rv.NumField(); i++ {
		name, _, _ := strings.Cut(rv.Type().Field(i).Tag.Get("param"), ",")
		if name != "" && basis.HasMissing(name) {
			skip = append(skip, i)
		}
	}
	return validateExcept(p, skip)
}
