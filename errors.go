package hubrules

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrInvalidInput is the category of every malformed-input error the library
// returns: errors.Is(err, ErrInvalidInput) is true for them, and errors.As
// with an *InputError gives the fields.
var ErrInvalidInput = errors.New("hubrules: invalid input")

// FieldError is one thing wrong with an input: the field's JSON path
// ("members[3].formal_members"), a stable code ("gte", "required", "enum",
// "order", …), the limit or parameter it broke, the offending value (cut to
// 64 bytes) and a message in Chinese and English.
type FieldError struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Param   string `json:"param,omitempty"`
	Value   string `json:"value,omitempty"`
	Message Text   `json:"message"`
}

// InputError reports malformed input: negative counts, dates out of order,
// unknown codes, a bad parameter file. It lists every bad field found, each
// by its JSON path with a Chinese and an English message. Well-formed input
// that breaks a policy is never an InputError: that is a Finding.
type InputError struct {
	Fields []FieldError `json:"fields"`
}

// NewInputError returns an *InputError with fields.
func NewInputError(fields ...FieldError) *InputError {
	return &InputError{Fields: fields}
}

// Error returns every field's path and message, Chinese then English.
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString("输入无效 invalid input: ")
	for i, f := range e.Fields {
		if i > 0 {
			b.WriteString("; ")
		}
		if f.Path != "" {
			b.WriteString(f.Path)
			b.WriteString(": ")
		}
		b.WriteString(f.Message.ZH)
		if f.Message.EN != "" {
			b.WriteString(" / ")
			b.WriteString(f.Message.EN)
		}
	}
	return b.String()
}

// Unwrap returns ErrInvalidInput.
func (e *InputError) Unwrap() error { return ErrInvalidInput }

// Messages returns one line per field in lang: "path: message".
func (e *InputError) Messages(lang Lang) []string {
	out := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		if f.Path == "" {
			out[i] = f.Message.In(lang)
		} else {
			out[i] = f.Path + ": " + f.Message.In(lang)
		}
	}
	return out
}

// Field returns the first error for path.
func (e *InputError) Field(path string) (FieldError, bool) {
	for _, f := range e.Fields {
		if f.Path == path {
			return f, true
		}
	}
	return FieldError{}, false
}

// MaxProblems is the most problems one *InputError lists. Past it the
// decoders and Validate go on counting but keep no more: the last field of
// the error has the code "too_many_errors", the number not listed as its
// Param, and says "… and N more". A hostile input of millions of bad items
// thus costs a bounded answer.
const MaxProblems = 100

// Problems collects field errors while an input is checked, so that every
// bad field is reported at once — up to MaxProblems of them; the others
// are counted. The zero value is ready to use.
type Problems struct {
	fields []FieldError
	more   int // problems found past MaxProblems
}

// Add records a bad field.
func (p *Problems) Add(path, code, value string, msg Text) {
	if len(p.fields) >= MaxProblems {
		p.more++
		return
	}
	value = clipValue(value)
	p.fields = append(p.fields, FieldError{Path: path, Code: code, Value: value, Message: msg})
}

// AddField records a prepared FieldError.
func (p *Problems) AddField(f FieldError) {
	if len(p.fields) >= MaxProblems {
		p.more++
		return
	}
	p.fields = append(p.fields, f)
}

// Merge adds the fields of err when it is an *InputError, prefixing each path
// with prefix ("members[2]" + "." + path); the count of a "too_many_errors"
// field is added to this one's. Other non-nil errors are added as one field
// at prefix.
func (p *Problems) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var ie *InputError
	if errors.As(err, &ie) {
		for _, f := range ie.Fields {
			if n, ok := tooManyCount(f); ok {
				p.more += n
				continue
			}
			f.Path = JoinPath(prefix, f.Path)
			p.AddField(f)
		}
		return
	}
	p.Add(prefix, "invalid", "", T("无效："+err.Error(), "invalid: "+err.Error()))
}

// Len returns the number of problems found, those past MaxProblems too.
func (p *Problems) Len() int { return len(p.fields) + p.more }

// Err returns nil when nothing was recorded, else an *InputError of at most
// MaxProblems fields and, when there were more, a last "too_many_errors"
// field that says how many.
func (p *Problems) Err() error {
	if len(p.fields) == 0 && p.more == 0 {
		return nil
	}
	return &InputError{Fields: withMore(append([]FieldError(nil), p.fields...), p.more)}
}

// withMore appends to fields the "too_many_errors" field for more
// problems not listed, when there are any.
func withMore(fields []FieldError, more int) []FieldError {
	if more <= 0 {
		return fields
	}
	n := itoa(more)
	return append(fields, FieldError{Code: "too_many_errors", Param: n,
		Message: T("问题过多，仅列出前 "+itoa(MaxProblems)+" 项……另有 "+n+" 项未列出",
			"too many problems: the first "+itoa(MaxProblems)+" are listed … and "+n+" more")})
}

// tooManyCount returns the count of a "too_many_errors" field.
func tooManyCount(f FieldError) (int, bool) {
	if f.Code != "too_many_errors" {
		return 0, false
	}
	n, err := strconv.Atoi(f.Param)
	return n, err == nil
}

// JoinPath joins JSON path segments: JoinPath("members[2]", "form") is
// "members[2].form"; an index segment "[3]" joins without a dot.
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// Index returns "name[i]".
func Index(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }

// clipValue cuts an offending value to at most 64 bytes, on a character
// boundary, so that an error never echoes a long input back.
func clipValue(s string) string {
	if len(s) <= 64 {
		return s
	}
	n := 64
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
