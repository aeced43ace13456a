package hubrules

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Limits bound what a decoder accepts, so that a hostile or broken input is
// refused with an InputError instead of exhausting memory or time. They are
// options passed to the decoders (DecodeJSONLimited, the CLI's flags), never
// globals; DefaultLimits gives the safe defaults. A zero field means "no
// limit" for that field.
//
// The rule packages' input types add their own per-field bounds in their
// validate tags (at most 1,000 events of one organization, at most 200
// bytes of an ID, …); Limits apply to any document before it is decoded,
// in the same scan as the strict rules of DecodeJSONLimited. Each limit
// error names the byte offset and, where known, the path of the value.
type Limits struct {
	// MaxBytes is the largest document accepted (default 16 MiB).
	MaxBytes int
	// MaxDepth is the deepest nesting of JSON objects and arrays (default
	// 32); with no limit, encoding/json's own 10,000 still applies.
	MaxDepth int
	// MaxItems is the longest JSON array accepted: the members of a hub,
	// the entries of a history, the projects of a pool (default 100,000).
	MaxItems int
	// MaxString is the longest JSON string accepted, in bytes (default
	// 64 KiB).
	MaxString int
}

// DefaultLimits returns the default limits: 16 MiB documents, nesting 32
// deep, arrays of 100,000 items, strings of 64 KiB.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 16 << 20, MaxDepth: 32, MaxItems: 100000, MaxString: 64 << 10}
}

// jsonMaxNesting is encoding/json's own nesting limit: a document nested
// deeper never decodes, so the scan refuses it even when MaxDepth is zero
// ("no limit") and never tracks more levels than that.
const jsonMaxNesting = 10000

// smallObject is how many keys an object's duplicate check keeps in a
// slice before it switches to a map.
const smallObject = 16

// scanFrame is one open object or array of the scan.
type scanFrame struct {
	array bool
	// n counts the array's elements so far; started says whether the
	// current element was counted.
	n       int
	started bool
	// expectKey says the next string is an object key; key is the
	// object's current key, unescaped.
	expectKey bool
	key       []byte
	// The object's keys, for the duplicate check, are jsonScan.keys[keys:]
	// while it has at most smallObject of them (large is false), then
	// keySet.
	keys   int
	large  bool
	keySet map[string]struct{}
	// info is what the composite decodes into (nil: not followed); member
	// is what the current key's value decodes into.
	info, member *typeInfo
	known        bool // the current key names a field (or a map entry)
}

// jsonScan is the one pass over the raw document that DecodeJSONLimited
// makes before decoding: the Limits, and the strict rules encoding/json
// does not keep — valid UTF-8 (no lone surrogate escapes either), no
// duplicate keys, keys matching field names exactly, no spaces around the
// text of a value with its own JSON form.
type jsonScan struct {
	data   []byte
	lim    Limits
	root   *typeInfo
	frames []scanFrame
	// keys is a stack of the keys of the open objects: an object's keys
	// follow those of the objects around it, and go when it closes.
	keys [][]byte
}

// check scans the raw document once, without decoding it, and refuses it
// at the first limit exceeded or strict rule broken. t is the Go type the
// document will decode into (nil: no type-aware rules).
func (l Limits) check(data []byte, t reflect.Type) error {
	if l.MaxBytes > 0 && len(data) > l.MaxBytes {
		return limitError("max_bytes", "", l.MaxBytes, -1,
			"输入超过大小上限 "+itoa(l.MaxBytes)+" 字节（实际 "+itoa(len(data))+" 字节）",
			"input exceeds the size limit of "+itoa(l.MaxBytes)+" bytes ("+itoa(len(data))+" bytes)")
	}
	s := scanPool.Get().(*jsonScan)
	s.data, s.lim, s.root = data, l, infoOf(t)
	err := s.run()
	s.release()
	return err
}

// scanPool keeps the frames and key stacks of finished scans, so that a
// scan of an ordinary document does not allocate.
var scanPool = sync.Pool{New: func() any { return new(jsonScan) }}

// release returns s to scanPool holding no part of its document; stacks
// grown by an unusual document are dropped instead of kept.
func (s *jsonScan) release() {
	if cap(s.frames) > 64 || cap(s.keys) > 1024 {
		return
	}
	clear(s.frames[:cap(s.frames)])
	clear(s.keys[:cap(s.keys)])
	*s = jsonScan{frames: s.frames[:0], keys: s.keys[:0]}
	scanPool.Put(s)
}

// limitError is the error for a limit broken at byte offset at (none when
// at is negative), at path.
func limitError(code, path string, limit, at int, zh, en string) error {
	if at >= 0 {
		zh += "（第 " + itoa(at) + " 字节）"
		en += " at byte " + itoa(at)
	}
	return NewInputError(FieldError{Path: path, Code: code, Param: itoa(limit), Message: T(zh, en)})
}

// strictError is the error for a strict rule broken at byte offset at:
// the offset is the Param.
func strictError(code, path, value string, at int, zh, en string) error {
	return NewInputError(FieldError{Path: path, Code: code, Param: itoa(at), Value: clipValue(value),
		Message: T(zh+"（第 "+itoa(at)+" 字节）", en+" at byte "+itoa(at))})
}

func (s *jsonScan) run() error {
	data := s.data
	for i := 0; i < len(data); {
		c := data[i]
		switch c {
		case ' ', '\t', '\n', '\r', ':':
			i++
		case '"':
			top := s.top()
			isKey := top != nil && !top.array && top.expectKey
			if !isKey {
				if err := s.value(i); err != nil {
					return err
				}
			}
			end, err := s.str(i)
			if err == nil && end < 0 {
				return nil // not closed: a syntax error encoding/json names
			}
			if err == nil && isKey {
				err = s.objectKey(top, i, end)
			} else if err == nil {
				err = s.textValue(i, end)
			}
			if err != nil {
				return err
			}
			i = end
		case '{', '[':
			if err := s.value(i); err != nil {
				return err
			}
			if err := s.push(c == '[', i); err != nil {
				return err
			}
			i++
		case '}', ']':
			if n := len(s.frames); n > 0 {
				if f := &s.frames[n-1]; !f.array {
					s.keys = s.keys[:f.keys]
				}
				s.frames = s.frames[:n-1]
			}
			i++
		case ',':
			if top := s.top(); top != nil {
				top.started, top.expectKey = false, !top.array
			}
			i++
		default:
			// A number or literal (or a syntax error encoding/json will
			// name): skip to the next delimiter.
			if err := s.value(i); err != nil {
				return err
			}
			for i < len(data) && !jsonDelimiter(data[i]) {
				if data[i] >= utf8.RuneSelf {
					if r, n := utf8.DecodeRune(data[i:]); r == utf8.RuneError && n == 1 {
						return s.utf8Error(i)
					}
				}
				i++
			}
		}
	}
	return nil
}

func jsonDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}

func (s *jsonScan) top() *scanFrame {
	if len(s.frames) == 0 {
		return nil
	}
	return &s.frames[len(s.frames)-1]
}

// value notes that a value starts at byte at: it counts as an element of
// the enclosing array.
func (s *jsonScan) value(at int) error {
	top := s.top()
	if top == nil || !top.array || top.started {
		return nil
	}
	top.started = true
	top.n++
	if s.lim.MaxItems > 0 && top.n > s.lim.MaxItems {
		return limitError("max_items", s.path(len(s.frames)-1), s.lim.MaxItems, at,
			"数组超过元素个数上限 "+itoa(s.lim.MaxItems), "an array exceeds the limit of "+itoa(s.lim.MaxItems)+" items")
	}
	return nil
}

// memberInfo is what the value starting now decodes into.
func (s *jsonScan) memberInfo() *typeInfo {
	top := s.top()
	switch {
	case top == nil:
		return s.root
	case top.info == nil:
		return nil
	case top.array:
		return top.info.elem
	}
	return top.member
}

// push opens an object or array at byte at.
func (s *jsonScan) push(array bool, at int) error {
	depth := len(s.frames) + 1
	if (s.lim.MaxDepth > 0 && depth > s.lim.MaxDepth) || depth > jsonMaxNesting {
		limit := s.lim.MaxDepth
		if limit <= 0 || limit > jsonMaxNesting {
			limit = jsonMaxNesting
		}
		return limitError("max_depth", s.path(len(s.frames)), limit, at,
			"JSON 嵌套超过上限 "+itoa(limit)+" 层", "JSON nesting exceeds the limit of "+itoa(limit)+" levels")
	}
	info := s.memberInfo()
	if info != nil && (info.custom || (array && info.kind != reflect.Slice && info.kind != reflect.Array) ||
		(!array && info.kind != reflect.Struct && info.kind != reflect.Map)) {
		info = nil // its own form, or the wrong kind (encoding/json names that)
	}
	f := scanFrame{array: array, expectKey: !array, keys: len(s.keys), info: info}
	if len(s.frames) < cap(s.frames) {
		// Reuse the key set of an earlier large object at this depth.
		s.frames = s.frames[:depth]
		f.keySet = s.frames[depth-1].keySet
		clear(f.keySet)
		s.frames[depth-1] = f
		return nil
	}
	s.frames = append(s.frames, f)
	return nil
}

// str checks the string whose opening quote is at byte start — its length,
// its UTF-8, its escapes — and returns the index after its closing quote,
// or -1 when it is not closed (encoding/json names that).
func (s *jsonScan) str(start int) (int, error) {
	data := s.data
	i := start + 1
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			if s.lim.MaxString > 0 && i-start-1 > s.lim.MaxString {
				return 0, limitError("max_string", s.path(len(s.frames)), s.lim.MaxString, start,
					"字符串超过长度上限 "+itoa(s.lim.MaxString)+" 字节", "a string exceeds the length limit of "+itoa(s.lim.MaxString)+" bytes")
			}
			return i + 1, nil
		case c == '\\':
			n, ok := escapeLen(data[i:])
			if !ok {
				return 0, s.utf8Error(i)
			}
			i += n
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return 0, s.utf8Error(i)
			}
			i += n
		default:
			i++
		}
	}
	return -1, nil
}

// escapeLen returns the length of the escape at the start of b; ok is false
// for a \u escape of a lone surrogate, which encoding/json would turn into
// U+FFFD. A malformed escape is left to encoding/json.
func escapeLen(b []byte) (n int, ok bool) {
	if len(b) < 2 {
		return len(b), true
	}
	if b[1] != 'u' {
		return 2, true
	}
	r, valid := hex4(b[2:])
	switch {
	case !valid:
		return 2, true
	case r >= 0xDC00 && r < 0xE000:
		return 0, false
	case r >= 0xD800 && r < 0xDC00:
		if len(b) < 12 || b[6] != '\\' || b[7] != 'u' {
			return 0, false
		}
		lo, valid := hex4(b[8:])
		if !valid || lo < 0xDC00 || lo >= 0xE000 {
			return 0, false
		}
		return 12, true
	}
	return 6, true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func (s *jsonScan) utf8Error(at int) error {
	return strictError("utf8", s.path(len(s.frames)), "", at,
		"输入含无效的 UTF-8 编码", "invalid UTF-8 in the input")
}

// unquote returns the text of the string data[start:end] (quotes included):
// the raw bytes when it has no escape, else the unescaped text.
func (s *jsonScan) unquote(start, end int) []byte {
	raw := s.data[start+1 : end-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return raw
	}
	var out string
	if json.Unmarshal(s.data[start:end], &out) != nil {
		return raw // malformed: encoding/json names it
	}
	return []byte(out)
}

// objectKey checks the key data[start:end] of the object top: not a
// duplicate, and matching a field exactly.
func (s *jsonScan) objectKey(top *scanFrame, start, end int) error {
	key := s.unquote(start, end)
	top.expectKey, top.key = false, key
	if s.seen(top, key) {
		return strictError("duplicate_key", s.path(len(s.frames)), string(key), start,
			"键 "+quote(clipValue(string(key)))+" 重复出现", "duplicate key "+quote(clipValue(string(key))))
	}
	top.member, top.known = nil, true
	if top.info == nil {
		return nil
	}
	if top.info.kind == reflect.Map {
		top.member = top.info.elem
		return nil
	}
	f, ok := top.info.fields[string(key)]
	if ok {
		top.member = f
		return nil
	}
	top.known = false
	if name, ok := top.info.foldedField(key); ok {
		k := clipValue(string(key))
		return NewInputError(FieldError{Path: s.path(len(s.frames)), Code: "unknown_field", Value: k,
			Message: T("未知字段 "+quote(k)+"（字段名区分大小写，是否应为 "+quote(name)+"？）",
				"unknown field "+quote(k)+" (names are case-sensitive: did you mean "+quote(name)+"?)")})
	}
	return nil // an unknown field: encoding/json names it
}

// seen records key among top's keys and reports whether it was there.
func (s *jsonScan) seen(top *scanFrame, key []byte) bool {
	if !top.large {
		mine := s.keys[top.keys:]
		for _, k := range mine {
			if bytes.Equal(k, key) {
				return true
			}
		}
		if len(mine) < smallObject {
			s.keys = append(s.keys, key)
			return false
		}
		// A large object: its keys move to a set.
		if top.keySet == nil {
			top.keySet = make(map[string]struct{}, 4*smallObject)
		}
		for _, k := range mine {
			top.keySet[string(k)] = struct{}{}
		}
		s.keys = s.keys[:top.keys]
		top.large = true
	}
	if _, dup := top.keySet[string(key)]; dup {
		return true
	}
	top.keySet[string(key)] = struct{}{}
	return false
}

// textValue refuses spaces around the string data[start:end] when it is
// the text of a value with its own JSON form (an amount, points, a date):
// " 100.00" is not an amount.
func (s *jsonScan) textValue(start, end int) error {
	info := s.memberInfo()
	if info == nil || !info.text {
		return nil
	}
	text := s.unquote(start, end)
	if len(text) == 0 {
		return nil
	}
	first, _ := utf8.DecodeRune(text)
	last, _ := utf8.DecodeLastRune(text)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return nil
	}
	zh, en := "取值前后不能有空白", "the value must not have spaces around it"
	if info.format != nil {
		f := info.format.JSONFormat()
		zh, en = "取值无效（前后不能有空白）："+f.ZH, "invalid value (no spaces around it): "+f.EN
	}
	return NewInputError(FieldError{Path: s.path(len(s.frames)), Code: "format", Value: clipValue(string(text)), Message: T(zh, en)})
}

// path is the JSON path of the current member of the first depth frames
// ("members[3].id"); each key is cut to 64 bytes.
func (s *jsonScan) path(depth int) string {
	var b strings.Builder
	for _, f := range s.frames[:depth] {
		if f.array {
			if f.n > 0 {
				b.WriteString("[" + itoa(f.n-1) + "]")
			}
			continue
		}
		if f.expectKey {
			continue // between members: the object itself
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(clipValue(string(f.key)))
	}
	return b.String()
}
