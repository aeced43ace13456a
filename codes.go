package hubrules

import "strings"

// Code is one code of an enum with its name in Chinese and English.
type Code struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
}

// Coded is implemented by the library's enums: Codes lists every known
// code with its name, in order. The `enum` validation lists them in its
// message ("party_form的取值cell不是已知的代码；可用：own_branch（单独党支部）、…"),
// and schemas can list them.
type Coded interface {
	Codes() []Code
}

// Named is an enum whose codes have bilingual names.
type Named interface {
	~string
	Name() Text
}

// CodesOf returns values with their names, for an enum's Codes method.
func CodesOf[E Named](values ...E) []Code {
	out := make([]Code, len(values))
	for i, v := range values {
		out[i] = Code{Code: string(v), Name: v.Name()}
	}
	return out
}

// Label writes an enum's code for a message: in Chinese its name with the
// code in brackets (单独党支部（own_branch）), in English the code itself, as
// the English messages write codes. An empty code reads 空（""） / "".
func Label[E Named](e E) Text {
	if e == "" {
		return T("空（\"\"）", `""`)
	}
	return T(e.Name().ZH+"（"+string(e)+"）", string(e))
}

// codeList writes the codes of c for a message, each with its name:
// "own_branch（单独党支部）、joint_branch（联合党支部）" in Chinese,
// "own_branch (own branch), joint_branch (joint branch)" in English.
func codeList(c Coded) Text {
	var zh, en strings.Builder
	for i, k := range c.Codes() {
		if i > 0 {
			zh.WriteString("、")
			en.WriteString(", ")
		}
		code := k.Code
		if code == "" {
			code = `""`
		}
		zh.WriteString(code + "（" + k.Name.ZH + "）")
		en.WriteString(code + " (" + k.Name.EN + ")")
	}
	return T(zh.String(), en.String())
}

// Codes lists the legal forms.
func (LegalForm) Codes() []Code {
	return CodesOf(SocialGroup, SocialServiceInstitution, Foundation, CommunityOrg)
}

// Codes lists the party-organization forms, strongest first.
func (PartyForm) Codes() []Code { return CodesOf(PartyForms()...) }

// Codes lists the grades, NoGrade ("") first.
func (Grade) Codes() []Code { return CodesOf(NoGrade, Grade1A, Grade2A, Grade3A, Grade4A, Grade5A) }

// Codes lists the programmes, National first.
func (Programme) Codes() []Code { return CodesOf(Programmes()...) }

// UnknownCode is the message for value that is not one of c's codes in the
// field named field: the wording of the `enum` validation, which lists
// every valid code with its name. Use it wherever a rule package refuses a
// code by hand, so that the same error reads the same everywhere.
func UnknownCode(field, value string, c Coded) Text { return enumMessage(field, value, c) }

// Name returns the confidence in Chinese and English.
func (c Confidence) Name() Text {
	switch c {
	case Verified:
		return T("已核实", "verified")
	case Secondary:
		return T("二手来源", "secondary")
	case Illustrative:
		return T("示意值", "illustrative")
	}
	return T("未知可信度", "unknown confidence")
}

// Codes lists the confidences (Coded).
func (Confidence) Codes() []Code { return CodesOf(Verified, Secondary, Illustrative) }

// Codes lists the decision outcomes, so that the schema of every decision
// (and the OpenAPI document of hubrules serve) lists them as an enum.
func (DecisionOutcome) Codes() []Code { return CodesOf(DecisionOutcomes()...) }

// Codes lists the sources of an evaluation date (basis.date_source).
func (DateSource) Codes() []Code { return CodesOf(DateFromCaller, DateFromClock) }
