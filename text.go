package hubrules

// Lang selects the language of a message: Chinese (the primary language of
// every rule and message) or English.
type Lang string

// The languages every Text carries.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang returns the Lang for "zh" or "en" (also "zh-CN", "en-US" and the
// like); anything else is Chinese, the primary language.
func ParseLang(s string) Lang {
	if len(s) >= 2 && (s[:2] == "en" || s[:2] == "EN") {
		return EN
	}
	return ZH
}

// Text is a message in Chinese and English. The Chinese is primary: it is the
// wording of the policy documents, and String returns it.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// T is shorthand for Text{ZH: zh, EN: en}.
func T(zh, en string) Text { return Text{ZH: zh, EN: en} }

// In returns the message in lang, falling back to Chinese when the English
// is missing.
func (t Text) In(lang Lang) string {
	if lang == EN && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// String returns the Chinese message.
func (t Text) String() string { return t.ZH }

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.ZH == "" && t.EN == "" }
