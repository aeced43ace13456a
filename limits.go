package hubrules

// Limits bound what a decoder accepts, so that a hostile or broken input is
// refused with an InputError instead of exhausting memory or time. They are
// options passed to the decoders, never globals; DefaultLimits gives the
// safe defaults.
type Limits struct {
	// MaxBytes is the largest document accepted (default 16 MiB).
	MaxBytes int
	// MaxDepth is the deepest nesting of JSON objects and arrays (default 32).
	MaxDepth int
}

// DefaultLimits returns the default limits: 16 MiB documents, nesting 32 deep.
func DefaultLimits() Limits { return Limits{MaxBytes: 16 << 20, MaxDepth: 32} }

func (l Limits) check(data []byte) error {
	if l.MaxBytes > 0 && len(data) > l.MaxBytes {
		return NewInputError(FieldError{Code: "max_bytes", Param: itoa(l.MaxBytes), Value: itoa(len(data)),
			Message: T("输入超过大小上限 "+itoa(l.MaxBytes)+" 字节", "input exceeds the size limit of "+itoa(l.MaxBytes)+" bytes")})
	}
	if l.MaxDepth > 0 {
		depth, inStr, esc := 0, false, false
		for _, c := range data {
			switch {
			case esc:
				esc = false
			case inStr:
				if c == '\\' {
					esc = true
				} else if c == '"' {
					inStr = false
				}
			case c == '"':
				inStr = true
			case c == '{' || c == '[':
				depth++
				if depth > l.MaxDepth {
					return NewInputError(FieldError{Code: "max_depth", Param: itoa(l.MaxDepth),
						Message: T("JSON 嵌套超过上限 "+itoa(l.MaxDepth)+" 层", "JSON nesting exceeds the limit of "+itoa(l.MaxDepth)+" levels")})
				}
			case c == '}' || c == ']':
				depth--
			}
		}
	}
	return nil
}
