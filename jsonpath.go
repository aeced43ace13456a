package hubrules

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
)

// jsonErrorPath finds where in data decoding into a value of type t fails,
// as a path with array indexes ("events[3].date"), for the errors whose own
// path encoding/json gives without them (a wrong type, a malformed value:
// "events.date") or without the parent (an unknown field: "colour"). It
// walks the document and the Go type side by side, in document order — the
// order in which encoding/json stopped at the first problem — and returns
// the path of the first value that does not decode into its field's type,
// or of the first object key that names no field. It runs only after
// decoding failed, so its cost is not on the path of valid input. ok is
// false when it finds nothing (the caller keeps encoding/json's path).
func jsonErrorPath(data []byte, t reflect.Type) (path string, ok bool) {
	w := jsonWalker{dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	path, ok, _ = w.value(t, "", 0)
	return path, ok
}

type jsonWalker struct {
	dec *json.Decoder
}

var (
	jsonUnmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshalerType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// value reads the next value of the document, expected to decode into t at
// path. found reports a failing value (at the returned path); err a
// document the walker cannot follow (it then gives up).
func (w *jsonWalker) value(t reflect.Type, path string, depth int) (string, bool, error) {
	if depth > jsonWalkMaxDepth {
		return "", false, errJSONWalk
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	custom := pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType)
	if !custom {
		switch t.Kind() {
		case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
			return w.composite(t, path, depth)
		}
	}
	// A scalar or a type with its own JSON form: take its raw text and
	// decode it alone.
	raw, err := w.raw()
	if err != nil {
		return "", false, err
	}
	if t.Kind() == reflect.Interface {
		return "", false, nil
	}
	if json.Unmarshal(raw, reflect.New(t).Interface()) != nil {
		return path, true, nil
	}
	return "", false, nil
}

// errJSONWalk stops a walk deeper than any document DecodeJSON accepts.
var errJSONWalk = errors.New("hubrules: JSON too deep to walk")

// raw returns the raw text of the next value.
func (w *jsonWalker) raw() ([]byte, error) {
	var m json.RawMessage
	if err := w.dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// composite walks an object or array expected to decode into t.
func (w *jsonWalker) composite(t reflect.Type, path string, depth int) (string, bool, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return "", false, err
	}
	if tok == nil {
		return "", false, nil // null leaves the value as it is
	}
	d, isDelim := tok.(json.Delim)
	want := json.Delim('{')
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		want = '['
	}
	if !isDelim || d != want {
		// A scalar, or the other kind of composite: this value is wrong.
		if isDelim {
			if err := w.skipRest(); err != nil {
				return "", false, err
			}
		}
		return path, true, nil
	}
	if want == '[' {
		for i := 0; w.dec.More(); i++ {
			if p, found, err := w.value(t.Elem(), path+"["+itoa(i)+"]", depth+1); found || err != nil {
				return p, found, err
			}
		}
		_, err := w.dec.Token() // ]
		return "", false, err
	}
	var fields map[string]reflect.Type
	if t.Kind() == reflect.Struct {
		fields = jsonFields(t)
	}
	for w.dec.More() {
		kt, err := w.dec.Token()
		if err != nil {
			return "", false, err
		}
		key, _ := kt.(string)
		sub := JoinPath(path, key)
		var ft reflect.Type
		if t.Kind() == reflect.Map {
			ft = t.Elem()
		} else if ft = jsonField(fields, key); ft == nil {
			return sub, true, nil // unknown field
		}
		if p, found, err := w.value(ft, sub, depth+1); found || err != nil {
			return p, found, err
		}
	}
	_, err = w.dec.Token() // }
	return "", false, err
}

// skipRest skips the rest of a composite whose opening delimiter was read.
func (w *jsonWalker) skipRest() error {
	for n := 1; n > 0; {
		tok, err := w.dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			n++
		case json.Delim('}'), json.Delim(']'):
			n--
		}
	}
	return nil
}

// jsonFields maps the JSON names of struct t's fields to their types as
// encoding/json sees them: embedded structs without a name flattened, a
// shallower field hiding a deeper one, a tagged field winning at the same
// depth, and a name that stays ambiguous left out.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	type candidate struct {
		t      reflect.Type
		depth  int
		tagged bool
		n      int // fields of this depth and tagging with the name
	}
	best := map[string]candidate{}
	var add func(t reflect.Type, depth int)
	add = func(t reflect.Type, depth int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				et := f.Type
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct && depth < 8 {
					add(et, depth+1)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			tagged := name != ""
			if !tagged {
				name = f.Name
			}
			c, seen := best[name]
			switch {
			case !seen || depth < c.depth || (depth == c.depth && tagged && !c.tagged):
				best[name] = candidate{t: f.Type, depth: depth, tagged: tagged, n: 1}
			case depth == c.depth && tagged == c.tagged:
				c.n++
				best[name] = c
			}
		}
	}
	add(t, 0)
	out := make(map[string]reflect.Type, len(best))
	for name, c := range best {
		if c.n == 1 {
			out[name] = c.t
		}
	}
	return out
}

// jsonField returns the type of the field named key, matched exactly (the
// strict scan has refused a key that matches only without regard to case).
func jsonField(fields map[string]reflect.Type, key string) reflect.Type {
	return fields[key]
}

// typeInfo is what the strict scan of DecodeJSON needs to know of the Go
// type a JSON value decodes into. The graph of a type is built once and
// cached (typeInfos); it is never changed afterwards.
type typeInfo struct {
	kind reflect.Kind // after pointers
	// custom says the type has its own JSON or text form; text says that
	// form is a value written as text (a TextUnmarshaler or a
	// FormatDescriber: an amount, points, a date — not a json.RawMessage);
	// format describes it when the type is a FormatDescriber.
	custom, text bool
	format       FormatDescriber
	// elem is the element of a slice, array or map (nil: not followed).
	elem *typeInfo
	// fields are a struct's fields by exact JSON name (a nil value: a
	// field whose value is not followed, like an interface).
	fields map[string]*typeInfo
}

// typeInfos caches the typeInfo of each decoding target type.
var typeInfos sync.Map // reflect.Type → *typeInfo

// infoOf returns the cached typeInfo of t (nil for nil).
func infoOf(t reflect.Type) *typeInfo {
	if t == nil {
		return nil
	}
	if v, ok := typeInfos.Load(t); ok {
		return v.(*typeInfo)
	}
	v, _ := typeInfos.LoadOrStore(t, buildInfo(t, map[reflect.Type]*typeInfo{}))
	return v.(*typeInfo)
}

// buildInfo builds t's typeInfo; done holds those being built, so that a
// recursive type refers to itself.
func buildInfo(t reflect.Type, done map[reflect.Type]*typeInfo) *typeInfo {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if info, ok := done[t]; ok {
		return info
	}
	if t.Kind() == reflect.Interface {
		return nil // any value: not followed
	}
	info := &typeInfo{kind: t.Kind()}
	done[t] = info
	pt := reflect.PointerTo(t)
	if pt.Implements(jsonUnmarshalerType) || pt.Implements(textUnmarshalerType) {
		info.custom = true
		info.format = describesFormat(t)
		info.text = info.format != nil || pt.Implements(textUnmarshalerType)
		return info
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		info.elem = buildInfo(t.Elem(), done)
	case reflect.Struct:
		fs := jsonFields(t)
		info.fields = make(map[string]*typeInfo, len(fs))
		for name, ft := range fs {
			info.fields[name] = buildInfo(ft, done)
		}
	}
	return info
}

// foldedField returns the field whose name equals key without regard to
// case (as encoding/json alone would match it), for a did-you-mean; of
// several, the first in byte order.
func (info *typeInfo) foldedField(key []byte) (string, bool) {
	found := ""
	for name := range info.fields {
		if bytes.EqualFold([]byte(name), key) && (found == "" || name < found) {
			found = name
		}
	}
	return found, found != ""
}

// jsonWalkMaxDepth is encoding/json's own nesting limit: deeper documents
// never decode, so the walk never needs to go further.
const jsonWalkMaxDepth = 10000
