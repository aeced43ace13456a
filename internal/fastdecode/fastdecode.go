package fastdecode

import (
	"reflect"
	"unicode/utf8"

	"github.com/hubrules/hubrules/internal/typereg"
)

// Limits are hubrules.Limits field for field (hubrules converts its own
// value to this type), so that this package need not import hubrules.
type Limits struct {
	MaxBytes, MaxDepth, MaxItems, MaxString int
}

// Func decodes data into v, a pointer to its type's zero value, and
// reports whether it did. It returns false, having left v unchanged, for
// any document it does not decode exactly as the general decoder would:
// hubrules.DecodeJSONLimited then decodes data as if there were no fast
// path, and gives its errors.
type Func func(data []byte, v any, lim Limits) bool

var registry = typereg.New[Func]("fastdecode")

// Register makes f the fast path of the pointer type t. It is called from
// package init functions only; a second registration of one type panics.
func Register(t reflect.Type, f Func) { registry.Register(t, f) }

// Lookup returns the fast path of the pointer type t, or nil.
func Lookup(t reflect.Type) Func {
	f, _ := registry.Lookup(t)
	return f
}

// Reader reads the plain subset of JSON a fast path accepts. Every method
// returns false when the next value is anything else (or breaks one of the
// limits): the caller then gives up the fast path. Whitespace is JSON's
// four characters, skipped before every token.
type Reader struct {
	data  []byte
	i     int
	lim   Limits
	depth int
}

// NewReader returns a reader of data within lim, or nil when data is over
// lim.MaxBytes.
func NewReader(data []byte, lim Limits) *Reader {
	if lim.MaxBytes > 0 && len(data) > lim.MaxBytes {
		return nil
	}
	return &Reader{data: data, lim: lim}
}

func (r *Reader) skipSpace() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// next reports whether the next token is the byte c, and consumes it.
func (r *Reader) next(c byte) bool {
	r.skipSpace()
	if r.i < len(r.data) && r.data[r.i] == c {
		r.i++
		return true
	}
	return false
}

// Open reads the opening '{' or '[' of a composite nested within
// lim.MaxDepth.
func (r *Reader) Open(c byte) bool {
	if !r.next(c) {
		return false
	}
	r.depth++
	return r.lim.MaxDepth <= 0 || r.depth <= r.lim.MaxDepth
}

// Close reads the closing byte c of the composite being read, if it is
// next. A composite is read as
//
//	for n := 0; !r.Close('}'); n++ {
//		if n > 0 && !r.Comma() {
//			return false
//		}
//		… one member or element …
//	}
func (r *Reader) Close(c byte) bool {
	if !r.next(c) {
		return false
	}
	r.depth--
	return true
}

// Comma reads the ',' between two members or elements.
func (r *Reader) Comma() bool { return r.next(',') }

// Key reads an object key and the ':' after it.
func (r *Reader) Key() ([]byte, bool) {
	k, ok := r.String()
	if !ok || !r.next(':') {
		return nil, false
	}
	return k, true
}

// String reads a string without escapes or control characters, of valid
// UTF-8 and at most lim.MaxString bytes, and returns its bytes (part of
// data).
func (r *Reader) String() ([]byte, bool) {
	if !r.next('"') {
		return nil, false
	}
	start, data := r.i, r.data
	ascii := true
	i := start
	for i < len(data) {
		c := data[i]
		if plainByte[c] {
			i++
			continue
		}
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
			i++
			continue
		case c != '"':
			return nil, false // an escape or a control character
		}
		s := data[start:i]
		r.i = i + 1
		if r.lim.MaxString > 0 && len(s) > r.lim.MaxString {
			return nil, false
		}
		if !ascii && !utf8.Valid(s) {
			return nil, false
		}
		return s, true
	}
	return nil, false
}

// plainByte[c] is true for the ASCII bytes a string holds as themselves:
// not a control character, '"' or '\\'.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// Uint reads a whole number of at most max, written without sign,
// fraction, exponent or leading zeros.
func (r *Reader) Uint(max int) (int, bool) {
	r.skipSpace()
	start, n := r.i, 0
	for r.i < len(r.data) && r.data[r.i] >= '0' && r.data[r.i] <= '9' {
		n = n*10 + int(r.data[r.i]-'0')
		r.i++
		if n > max {
			return 0, false
		}
	}
	switch {
	case r.i == start, r.data[start] == '0' && r.i-start > 1:
		return 0, false
	case r.i < len(r.data):
		switch r.data[r.i] {
		case ' ', '\t', '\n', '\r', ',', '}', ']':
		default:
			return 0, false // 3.0, 3e1, 3x
		}
	}
	return n, true
}

// Bool reads true or false.
func (r *Reader) Bool() (bool, bool) {
	r.skipSpace()
	rest := r.data[r.i:]
	var v bool
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		v, r.i = true, r.i+4
	case len(rest) >= 5 && string(rest[:5]) == "false":
		r.i += 5
	default:
		return false, false
	}
	if r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\n', '\r', ',', '}', ']':
		default:
			return false, false // truex
		}
	}
	return v, true
}

// Count reports whether n items are within lim.MaxItems.
func (r *Reader) Count(n int) bool { return r.lim.MaxItems <= 0 || n <= r.lim.MaxItems }

// End reports whether nothing but whitespace is left.
func (r *Reader) End() bool {
	r.skipSpace()
	return r.i == len(r.data)
}
