package hubrules

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	en_translations "github.com/go-playground/validator/v10/translations/en"
	zh_translations "github.com/go-playground/validator/v10/translations/zh"

	"github.com/hubrules/hubrules/internal/fastdecode"
)

// validation is the shared validator with its Chinese and English
// translators. It is built once, never changed afterwards, and validator's
// Validate is safe for concurrent use, so it is not a package-level knob:
// nothing outside this file can reach it.
type validation struct {
	v  *validator.Validate
	zh ut.Translator
	en ut.Translator
}

var (
	validationOnce sync.Once
	validationInst *validation
)

// Valider is implemented by the library's enums: Valid reports whether the
// value is a known code. The `enum` validation tag calls it.
type Valider interface{ Valid() bool }

// tagName is the name validator gives field f in paths: its JSON name,
// else its parameter name, else its Go name ("" for a field JSON skips).
func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		name, _, _ = strings.Cut(f.Tag.Get("param"), ",")
	}
	if name == "" {
		return f.Name
	}
	return name
}

func getValidation() *validation {
	validationOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(tagName)
		// A Date validates as its day number, so `required` means "set".
		v.RegisterCustomTypeFunc(func(f reflect.Value) any {
			d := f.Interface().(Date)
			return int64(d.d)
		}, Date{})
		_ = v.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
			if e, ok := fl.Field().Interface().(Valider); ok {
				return e.Valid()
			}
			return false
		})
		uni := ut.New(zh.New(), zh.New(), en.New())
		zhT, _ := uni.GetTranslator("zh")
		enT, _ := uni.GetTranslator("en")
		_ = zh_translations.RegisterDefaultTranslations(v, zhT)
		_ = en_translations.RegisterDefaultTranslations(v, enT)
		reg := func(t ut.Translator, tag, text string) {
			_ = v.RegisterTranslation(tag, t, func(t ut.Translator) error {
				return t.Add(tag, text, true)
			}, func(t ut.Translator, fe validator.FieldError) string {
				s, _ := t.T(tag, fe.Field(), fmt.Sprint(fe.Value()))
				return s
			})
		}
		reg(zhT, "enum", "{0}的取值{1}不是已知的代码")
		reg(enT, "enum", "{0} has the unknown code {1}")
		validationInst = &validation{v: v, zh: zhT, en: enT}
	})
	return validationInst
}

// Validate checks v's `validate` struct tags and returns an *InputError that
// names every bad field by its JSON path, in Chinese and English, or nil.
// Enum fields carry the tag `enum`, which rejects unknown codes. As in
// validator, the elements of a slice or map are checked only when the field
// says `dive`; nested structs are always checked.
//
// It lists at most MaxProblems fields, then counts the rest in a last
// "too_many_errors" field. validator keeps every error it finds, so a list
// of more than MaxProblems structs (a field tagged `dive` with nothing
// after it) is checked one element at a time, after the struct's other
// fields: the count stays exact while only one element's errors are held.
func Validate(v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		// Only structs carry validate tags; other values (maps, slices of
		// raw JSON) have nothing to check here.
		return nil
	}
	return validateExcept(v, nil)
}

// validateExcept is Validate with the top-level fields of index skip left
// unchecked (parameters not in force, left at their zero values).
func validateExcept(v any, skip []int) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil
	}
	var c validationSink
	for _, i := range skip {
		if c.skip == nil {
			c.skip = map[string]bool{}
		}
		c.skip[structNS(rv.Type(), rv.Type().Field(i))] = true
	}
	c.check(getValidation(), rv, "", false)
	if len(c.fields) == 0 && c.more == 0 {
		return nil
	}
	return &InputError{Fields: withMore(c.fields, c.more)}
}

// validationSink collects Validate's fields, at most MaxProblems of them,
// and counts the rest.
type validationSink struct {
	fields []FieldError
	more   int
	// skip holds namespaces of the top-level struct's fields to leave
	// unchecked; it is used once, for the top level only.
	skip map[string]bool
}

// check validates the struct rv, whose JSON path is prefix; personal says
// rv lies inside a personal field. Long lists of structs are checked by
// element (listFields).
func (c *validationSink) check(val *validation, rv reflect.Value, prefix string, personal bool) {
	lists := longLists(val, rv)
	var err error
	if len(lists) == 0 && c.skip == nil {
		err = val.v.Struct(rv.Interface())
	} else {
		skip := make(map[string]bool, len(lists)+len(c.skip))
		for _, l := range lists {
			skip[l.ns] = true
		}
		under := c.skip
		c.skip = nil
		err = val.v.StructFiltered(rv.Interface(), func(ns []byte) bool {
			if skip[string(ns)] {
				return true
			}
			// A field left unset is skipped with everything inside it.
			for k := range under {
				if n := len(k); len(ns) >= n && string(ns[:n]) == k && (len(ns) == n || ns[n] == '.' || ns[n] == '[') {
					return true
				}
			}
			return false
		})
	}
	c.add(val, err, rv.Type(), prefix, personal)
	for _, l := range lists {
		list := rv.Field(l.index)
		for i := 0; i < list.Len(); i++ {
			if l.strings != nil {
				c.element(val, list.Index(i), l.strings, JoinPath(prefix, Index(l.name, i)), Index(l.name, i), personal || l.personal)
				continue
			}
			c.check(val, list.Index(i), JoinPath(prefix, Index(l.name, i)), personal || l.personal)
		}
	}
}

// element checks one string of a long list: a string that meets the rules
// costs a comparison; one of the first MaxProblems that does not goes
// through validator, for the message validator gives inside its struct
// (its translation with the element's name, "units[7]为必填字段"); the
// others are counted.
func (c *validationSink) element(val *validation, ev reflect.Value, rules *stringRules, path, name string, personal bool) {
	if rules.ok(ev.String()) {
		return
	}
	if len(c.fields) >= MaxProblems {
		c.more++
		return
	}
	var ves validator.ValidationErrors
	if !errors.As(val.v.Var(ev.Interface(), rules.tag), &ves) || len(ves) == 0 {
		return
	}
	fe := ves[0]
	value := ""
	if !personal {
		value = clipValue(ev.String())
	}
	c.fields = append(c.fields, FieldError{
		Path:    path,
		Code:    fe.Tag(),
		Param:   fe.Param(),
		Value:   value,
		Message: T(name+ungroup(fe.Translate(val.zh), fe.Param()), name+ungroup(fe.Translate(val.en), fe.Param())),
	})
}

// add converts validator's error for a value of type top at prefix.
func (c *validationSink) add(val *validation, err error, top reflect.Type, prefix string, personal bool) {
	if err == nil {
		return
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		c.fields = append(c.fields, FieldError{Path: prefix, Code: "invalid", Message: T("输入无法校验："+err.Error(), "input cannot be validated: "+err.Error())})
		return
	}
	for _, fe := range ves {
		if len(c.fields) >= MaxProblems {
			c.more++
			continue
		}
		// The namespace starts with the struct's type name, which is not
		// part of the JSON path (anonymous structs have none).
		ns := fe.Namespace()
		if name := top.Name(); name != "" && strings.HasPrefix(ns, name+".") {
			ns = ns[len(name)+1:]
		}
		// The offending value is echoed (cut to 64 bytes) unless the field
		// is marked personal or is a date (validator sees a date as its day
		// number, which would only confuse).
		value := ""
		if fv := fe.Value(); fv != nil && !personal && !personalField(top, fe.StructNamespace()) && fe.Type() != reflect.TypeOf(Date{}) {
			if k := reflect.ValueOf(fv).Kind(); k != reflect.Struct && k != reflect.Slice && k != reflect.Map && k != reflect.Pointer {
				value = clipValue(fmt.Sprint(fv))
			}
		}
		msg := T(ungroup(fe.Translate(val.zh), fe.Param()), ungroup(fe.Translate(val.en), fe.Param()))
		if cd, ok := fe.Value().(Coded); ok && fe.Tag() == "enum" {
			msg = enumMessage(fe.Field(), fmt.Sprint(fe.Value()), cd)
		}
		c.fields = append(c.fields, FieldError{
			Path:    JoinPath(prefix, ns),
			Code:    fe.Tag(),
			Param:   fe.Param(),
			Value:   value,
			Message: msg,
		})
	}
}

// enumMessage is the `enum` tag's message: the unknown code and every
// valid one with its name ("party_form的取值cell不是已知的代码；可用：
// own_branch（单独党支部）、…").
func enumMessage(field, value string, c Coded) Text {
	if value == "" {
		value = `""`
	}
	list := codeList(c)
	return T(field+"的取值"+value+"不是已知的代码；可用："+list.ZH, field+" has the unknown code "+value+"; known codes: "+list.EN)
}

// listField is a field of a struct that holds a long list of structs to
// check by element.
type listField struct {
	index    int
	ns       string // validator's struct namespace of the field
	name     string // its JSON name
	personal bool
	// strings, for a list of strings, are the rules each must meet; nil
	// for a list of structs.
	strings *stringRules
}

// stringRules are the rules of a tag made only of required, min=N and
// max=N on a string, which Validate checks itself on the elements of a long
// list (validator would build an error for every bad element, and a 16 MiB
// document holds millions): only the elements it lists go through
// validator, for validator's own message.
type stringRules struct {
	tag              string
	required         bool
	minRunes, maxRun int // -1: no bound
}

// parseStringRules returns the rules of tag, or nil when tag has anything
// else.
func parseStringRules(tag string) *stringRules {
	r := &stringRules{tag: tag, minRunes: -1, maxRun: -1}
	for _, part := range strings.Split(tag, ",") {
		name, arg, _ := strings.Cut(part, "=")
		n, err := strconv.Atoi(arg)
		switch {
		case part == "required":
			r.required = true
		case name == "min" && err == nil && n >= 0:
			r.minRunes = n
		case name == "max" && err == nil && n >= 0:
			r.maxRun = n
		default:
			return nil
		}
	}
	return r
}

// ok reports whether s meets the rules, as validator would judge it.
func (r *stringRules) ok(s string) bool {
	if r.required && s == "" {
		return false
	}
	if r.minRunes < 0 && r.maxRun < 0 {
		return true
	}
	n := utf8.RuneCountInString(s)
	return (r.minRunes < 0 || n >= r.minRunes) && (r.maxRun < 0 || n <= r.maxRun)
}

// longLists returns the fields of struct rv whose elements Validate checks
// one at a time, because validator would check them all in one call and
// keep an error for every bad one: lists of two or more structs tagged
// `dive` with nothing after it, and lists of more than MaxProblems strings
// tagged `dive,` with only required, min and max after it; each with its
// own tags (before `dive`) met. A list whose own tag fails is left to
// validator, which then does not look at the elements.
func longLists(val *validation, rv reflect.Value) []listField {
	t := rv.Type()
	var out []listField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type.Kind() != reflect.Slice || !f.IsExported() {
			continue
		}
		if f.Type.Elem().Kind() == reflect.String {
			// A long list of strings under simple rules: Validate checks
			// it itself. Short lists keep validator's own order.
			own, elem, ok := strings.Cut(f.Tag.Get("validate"), "dive,")
			rules := parseStringRules(elem)
			if !ok || rules == nil || rv.Field(i).Len() <= MaxProblems || own != "" && val.v.Var(rv.Field(i).Interface(), strings.TrimSuffix(own, ",")) != nil {
				continue
			}
			out = append(out, listField{index: i, ns: structNS(t, f), name: tagName(f), personal: isPersonal(f.Tag), strings: rules})
			continue
		}
		if f.Type.Elem().Kind() != reflect.Struct {
			continue
		}
		own, ok := strings.CutSuffix(f.Tag.Get("validate"), "dive")
		if !ok || rv.Field(i).Len() < 2 || strings.Contains(own, "dive") {
			continue
		}
		own = strings.TrimSuffix(own, ",")
		if own != "" && val.v.Var(rv.Field(i).Interface(), own) != nil {
			continue
		}
		out = append(out, listField{index: i, ns: structNS(t, f), name: tagName(f), personal: isPersonal(f.Tag)})
	}
	return out
}

// structNS is validator's struct namespace of field f of struct t.
func structNS(t reflect.Type, f reflect.StructField) string {
	if t.Name() != "" {
		return t.Name() + "." + f.Name
	}
	return f.Name
}

// ungroup writes a whole-number limit in msg as the tag writes it: the
// translations group digits ("year must be 2,000 or greater"), which reads
// wrong for years and differs from the library's own messages ("0 到
// 1000000").
func ungroup(msg, param string) string {
	if len(param) < 4 || len(param) > 19 {
		return msg
	}
	for i := 0; i < len(param); i++ {
		if param[i] < '0' || param[i] > '9' {
			return msg
		}
	}
	var b strings.Builder
	for i := 0; i < len(param); i++ {
		if i > 0 && (len(param)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(param[i])
	}
	return strings.ReplaceAll(msg, b.String(), param)
}

// DecodeJSON decodes one JSON document into v strictly — unknown fields,
// keys written twice or in another case, invalid UTF-8, wrong types,
// numbers out of range, trailing data and malformed dates are errors — and
// then validates it with Validate. Every error is an *InputError naming the
// field (at most MaxProblems of them).
func DecodeJSON(data []byte, v any) error {
	return DecodeJSONLimited(data, v, DefaultLimits())
}

// DecodeJSONLimited is DecodeJSON with explicit input limits. Before
// decoding, one scan of the bytes checks lim and refuses what encoding/json
// alone would silently accept: invalid UTF-8 (and escaped lone
// surrogates), a key written twice in one object, a key that matches a
// field only without regard to case ("ID" for "id"), and spaces around the
// text of a value with its own JSON form (" 100.00" for an amount). Each
// error names the field's path and, for these, the byte offset.
//
// For the types decoded at volume (a register's event logs, hub.SyncOrg) a
// decoder written by hand reads the plain form of the document first and
// gives exactly the value this function would; any other document, and
// every error, takes the general path described here.
func DecodeJSONLimited(data []byte, v any, lim Limits) error {
	t := reflect.TypeOf(v)
	if fast := fastdecode.Lookup(t); fast != nil && fast(data, v, fastdecode.Limits(lim)) {
		return nil
	}
	return decodeJSONGeneral(data, v, t, lim)
}

// decodeJSONGeneral is DecodeJSONLimited without the fast paths.
func decodeJSONGeneral(data []byte, v any, t reflect.Type, lim Limits) error {
	if err := lim.check(data, t); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return atValuePath(ie, data, v)
		}
		return withIndexedPath(jsonInputError(err, len(data)), data, v)
	}
	at := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		for at < len(data) && (data[at] == ' ' || data[at] == '\t' || data[at] == '\n' || data[at] == '\r') {
			at++
		}
		return NewInputError(FieldError{Code: "syntax", Param: itoa(at),
			Message: T("JSON 文档之后还有多余内容（第 "+itoa(at)+" 字节）", "unexpected data after the JSON document at byte "+itoa(at))})
	}
	return Validate(v)
}

// atValuePath gives the fields of an *InputError that a type's own
// UnmarshalJSON returned (encoding/json adds no path to it) the path of the
// value that failed, when the walk of data finds it.
func atValuePath(ie *InputError, data []byte, v any) error {
	path, found := jsonErrorPath(data, reflect.TypeOf(v))
	if !found {
		return ie
	}
	out := &InputError{Fields: make([]FieldError, len(ie.Fields))}
	for i, f := range ie.Fields {
		f.Path = JoinPath(path, f.Path)
		out.Fields[i] = f
	}
	return out
}

// FormatDescriber is implemented by value types with a JSON form of their
// own (an amount in yuan, points with one decimal): JSONFormat says in
// Chinese and English what a valid value looks like.
type FormatDescriber interface{ JSONFormat() Text }

// ValueError is what such a type's UnmarshalJSON or UnmarshalText returns
// for a malformed value: encoding/json adds the field's path to it, and
// DecodeJSON turns it into an InputError with code "format", the path, and
// the type's JSONFormat. (encoding/json adds the path only to errors of
// this one type, so a type that returned its own *InputError would lose it.)
func ValueError(value string, t reflect.Type) error {
	value = clipValue(value)
	return &json.UnmarshalTypeError{Value: value, Type: t}
}

// withIndexedPath gives a decoding error the path with array indexes
// ("events[3].date") that encoding/json leaves out ("events.date"), and an
// unknown field its parent ("members[0].colour", not "colour"), when the
// walk of data finds the value at that path; otherwise err is unchanged.
func withIndexedPath(err error, data []byte, v any) error {
	ie, ok := err.(*InputError)
	if !ok || len(ie.Fields) != 1 || v == nil {
		return err
	}
	f := &ie.Fields[0]
	switch f.Code {
	case "type", "range", "date", "format", "unknown_field":
	default:
		return err
	}
	path, found := jsonErrorPath(data, reflect.TypeOf(v))
	if !found || path == f.Path {
		return err
	}
	if f.Code == "unknown_field" {
		if _, last := splitLastSegment(path); last != f.Path {
			return err
		}
	} else if stripIndexes(path) != f.Path {
		return err
	}
	f.Path = path
	return err
}

// stripIndexes removes the array indexes of a path: a[1].b[2] → a.b.
func stripIndexes(path string) string {
	var b strings.Builder
	in := false
	for _, r := range path {
		switch {
		case r == '[':
			in = true
		case r == ']':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitLastSegment splits a path before its last field name.
func splitLastSegment(path string) (parent, last string) {
	if i := strings.LastIndexAny(path, ".]"); i >= 0 {
		return path[:i+1], path[i+1:]
	}
	return "", path
}

// jsonInputError turns an encoding/json error on a document of size bytes
// into an *InputError. No message names a Go type.
func jsonInputError(err error, size int) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var ue *json.InvalidUnmarshalError
	switch {
	case errors.As(err, &se):
		return NewInputError(FieldError{Code: "syntax", Param: itoa(int(se.Offset)),
			Message: T("JSON 语法错误（第 "+itoa(int(se.Offset))+" 字节）"+syntaxZH(se.Error()), "malformed JSON at byte "+itoa(int(se.Offset))+": "+se.Error())})
	case errors.As(err, &te) && te.Type == reflect.TypeOf(Date{}):
		return NewInputError(FieldError{Path: te.Field, Code: "date", Value: clipValue(te.Value),
			Message: T("日期应写作 YYYY-MM-DD 且真实存在", "a date must be written YYYY-MM-DD and exist")})
	case errors.As(err, &te) && describesFormat(te.Type) != nil:
		f := describesFormat(te.Type).JSONFormat()
		return NewInputError(FieldError{Path: te.Field, Code: "format", Value: clipValue(te.Value),
			Message: T("取值无效："+f.ZH, "invalid value: "+f.EN)})
	case errors.As(err, &te):
		if lo, hi, ok := outOfRange(te); ok {
			num := clipValue(strings.TrimPrefix(te.Value, "number "))
			return NewInputError(FieldError{Path: te.Field, Code: "range", Param: lo + ".." + hi, Value: num,
				Message: T("数值超出范围：应在 "+lo+" 到 "+hi+" 之间，实际为 "+num, "number out of range: want "+lo+" to "+hi+", got "+num)})
		}
		return NewInputError(FieldError{Path: te.Field, Code: "type", Param: jsonKind(te.Type), Value: clipValue(te.Value),
			Message: T("类型错误：应为 "+jsonKind(te.Type)+"，实际为 "+clipValue(te.Value), "wrong type: want "+jsonKind(te.Type)+", got "+clipValue(te.Value))})
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return NewInputError(FieldError{Code: "syntax", Param: itoa(size),
			Message: T("JSON 文档为空或不完整（第 "+itoa(size)+" 字节）", "the JSON document is empty or cut short at byte "+itoa(size))})
	case errors.As(err, &ue):
		// A caller's mistake (not a pointer), not the input's; its text
		// names the Go type.
		return NewInputError(FieldError{Code: "invalid", Message: T("无法解码到给定的值（需要非空指针）", "cannot decode into the value given (a non-nil pointer is needed)")})
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		name := clipValue(strings.Trim(rest, `"`))
		return NewInputError(FieldError{Path: name, Code: "unknown_field", Value: name,
			Message: T("未知字段 "+quote(name), "unknown field "+quote(name))})
	}
	return NewInputError(FieldError{Code: "invalid", Message: T("输入无效", "invalid input: "+msg)})
}

// syntaxZH says in Chinese what encoding/json's syntax error msg says in
// English, for the forms it takes ("invalid character 'x' looking for
// beginning of value", "… after object key", …), so that no English
// stands in the Chinese message; "" for another form.
func syntaxZH(msg string) string {
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return ""
	}
	char, where, _ := strings.Cut(rest, " ")
	zh := "：意外的字符 " + char
	for _, w := range syntaxWhere {
		if strings.HasPrefix(where, w.en) {
			return zh + w.zh
		}
	}
	return zh
}

// syntaxWhere are the places encoding/json names in a syntax error, in
// Chinese; "after object key:value pair" before "after object key".
var syntaxWhere = [...]struct{ en, zh string }{
	{"looking for beginning of value", "，此处应为一个值"},
	{"after object key:value pair", "，键值对之后应为逗号或 }"},
	{"after object key", "，键之后应为冒号"},
	{"after array element", "，数组元素之后应为逗号或 ]"},
	{"looking for beginning of object key string", "，此处应为带引号的键"},
	{"after top-level value", "，文档之后不应再有内容"},
	{"in string", "，字符串中不允许"},
}

// outOfRange reports whether te is a JSON number that is well formed but
// does not fit its field — a whole number too large for an integer, any
// number too large for a float — and gives the field's bounds.
func outOfRange(te *json.UnmarshalTypeError) (lo, hi string, ok bool) {
	num, isNum := strings.CutPrefix(te.Value, "number ")
	if !isNum || num == "" {
		return "", "", false
	}
	t := te.Type
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "-" + maxFloatText(t.Bits()), maxFloatText(t.Bits()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !wholeNumber(num) {
			return "", "", false
		}
		top := int64(math.MaxInt64) >> (64 - t.Bits())
		return strconv.FormatInt(-top-1, 10), strconv.FormatInt(top, 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if !wholeNumber(num) {
			return "", "", false
		}
		return "0", strconv.FormatUint(uint64(math.MaxUint64)>>(64-t.Bits()), 10), true
	}
	return "", "", false
}

// wholeNumber reports whether a JSON number is written without a fraction
// or exponent.
func wholeNumber(num string) bool {
	num = strings.TrimPrefix(num, "-")
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return false
		}
	}
	return num != ""
}

func maxFloatText(bits int) string {
	if bits == 32 {
		return strconv.FormatFloat(math.MaxFloat32, 'g', 3, 32)
	}
	return strconv.FormatFloat(math.MaxFloat64, 'g', 3, 64)
}

// personalField reports whether the field at the validator struct namespace
// ns ("Request.Facts.Leader", "Sheet.Scores[0].Item") of root is tagged
// hubrules:"personal", or lies inside a field that is.
func personalField(root reflect.Type, ns string) bool {
	t := root
	for i, seg := range strings.Split(ns, ".") {
		if j := strings.IndexByte(seg, '['); j >= 0 {
			seg = seg[:j]
		}
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return false
		}
		if i == 0 && seg == t.Name() {
			continue
		}
		f, ok := t.FieldByName(seg)
		if !ok {
			return false
		}
		if isPersonal(f.Tag) {
			return true
		}
		t = f.Type
	}
	return false
}

// isPersonal reports whether a struct tag lists "personal" in hubrules:"…".
func isPersonal(tag reflect.StructTag) bool {
	for _, opt := range strings.Split(tag.Get("hubrules"), ",") {
		if strings.TrimSpace(opt) == "personal" {
			return true
		}
	}
	return false
}

func describesFormat(t reflect.Type) FormatDescriber {
	if t == nil {
		return nil
	}
	if f, ok := reflect.Zero(t).Interface().(FormatDescriber); ok {
		return f
	}
	if f, ok := reflect.New(t).Interface().(FormatDescriber); ok {
		return f
	}
	return nil
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return "string"
}
