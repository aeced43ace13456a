package hubrules

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
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

// jsonFields maps the JSON names of struct t's fields (embedded structs
// without a name flattened, as encoding/json does) to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
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
			if name == "" {
				name = f.Name
			}
			if _, dup := out[name]; !dup {
				out[name] = f.Type
			}
		}
	}
	add(t, 0)
	return out
}

// jsonField returns the type of the field named key, matched exactly or,
// as encoding/json does, without regard to case.
func jsonField(fields map[string]reflect.Type, key string) reflect.Type {
	if ft, ok := fields[key]; ok {
		return ft
	}
	for name, ft := range fields {
		if strings.EqualFold(name, key) {
			return ft
		}
	}
	return nil
}

// jsonWalkMaxDepth is encoding/json's own nesting limit: deeper documents
// never decode, so the walk never needs to go further.
const jsonWalkMaxDepth = 10000
