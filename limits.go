package hubrules

// Limits bound what a decoder accepts, so that a hostile or broken input is
// refused with an InputError instead of exhausting memory or time. They are
// options passed to the decoders (DecodeJSONLimited, the CLI's flags), never
// globals; DefaultLimits gives the safe defaults. A zero field means "no
// limit" for that field.
//
// The rule packages' input types add their own per-field bounds in their
// validate tags (at most 1,000 events of one organization, at most 200
// bytes of an ID, …); Limits apply to any document before it is decoded.
type Limits struct {
	// MaxBytes is the largest document accepted (default 16 MiB).
	MaxBytes int
	// MaxDepth is the deepest nesting of JSON objects and arrays (default 32).
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

func limitError(code string, limit int, zh, en string) error {
	return NewInputError(FieldError{Code: code, Param: itoa(limit), Message: T(zh, en)})
}

// check scans the raw document once, without decoding it, and refuses it
// at the first limit exceeded.
func (l Limits) check(data []byte) error {
	if l.MaxBytes > 0 && len(data) > l.MaxBytes {
		return limitError("max_bytes", l.MaxBytes,
			"输入超过大小上限 "+itoa(l.MaxBytes)+" 字节（实际 "+itoa(len(data))+" 字节）",
			"input exceeds the size limit of "+itoa(l.MaxBytes)+" bytes ("+itoa(len(data))+" bytes)")
	}
	if l.MaxDepth <= 0 && l.MaxItems <= 0 && l.MaxString <= 0 {
		return nil
	}
	// items[i] counts the elements of the array open at depth i+1, or is
	// -1 for an object; started says whether the array has an element yet.
	const maxTrack = 1024
	var items [maxTrack]int
	var started [maxTrack]bool
	depth, strStart := 0, 0
	inStr, esc := false, false
	for i, c := range data {
		switch {
		case esc:
			esc = false
			continue
		case inStr:
			if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
				if l.MaxString > 0 && i-strStart-1 > l.MaxString {
					return limitError("max_string", l.MaxString,
						"字符串超过长度上限 "+itoa(l.MaxString)+" 字节", "a string exceeds the length limit of "+itoa(l.MaxString)+" bytes")
				}
			}
			continue
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		// A value starts here: count it in the enclosing array.
		if depth > 0 && depth <= maxTrack && items[depth-1] >= 0 && !started[depth-1] && c != ']' && c != ',' {
			started[depth-1] = true
			items[depth-1]++
		}
		switch c {
		case '"':
			inStr, strStart = true, i
		case '{', '[':
			depth++
			if l.MaxDepth > 0 && depth > l.MaxDepth {
				return limitError("max_depth", l.MaxDepth,
					"JSON 嵌套超过上限 "+itoa(l.MaxDepth)+" 层", "JSON nesting exceeds the limit of "+itoa(l.MaxDepth)+" levels")
			}
			if depth <= maxTrack {
				items[depth-1], started[depth-1] = 0, false
				if c == '{' {
					items[depth-1] = -1
				}
			}
		case '}', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 && depth <= maxTrack && items[depth-1] >= 0 {
				started[depth-1] = false
				if l.MaxItems > 0 && items[depth-1] >= l.MaxItems {
					return limitError("max_items", l.MaxItems,
						"数组超过元素个数上限 "+itoa(l.MaxItems), "an array exceeds the limit of "+itoa(l.MaxItems)+" items")
				}
			}
		}
	}
	return nil
}
