package results

import (
	"reflect"
	"time"
)

// Clone is a deep copy of r, the only deep copy of a run in avgaudit: changing the copy
// leaves r as it was.
func (r *Run) Clone() *Run {
	if r == nil {
		return nil
	}
	c := deepCopy(reflect.ValueOf(r).Elem()).Interface().(Run)
	return &c
}

// deepCopy copies v and everything it points to. It follows the structure
// of Run (structs, pointers, slices, arrays, maps and plain values), so a
// field added there is copied without a change here.
func deepCopy(v reflect.Value) reflect.Value {
	out := reflect.New(v.Type()).Elem()
	if v.Type() == timeType || v.Type() == storeType || v.Type() == segmentType {
		// A time is a value with unexported fields; a store and its
		// segments are shared, never changed (Check.Update writes anew).
		out.Set(v)
		return out
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out.Set(deepCopy(v.Elem()).Addr())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			out.Field(i).Set(deepCopy(v.Field(i)))
		}
	case reflect.Array:
		for i := range v.Len() {
			out.Index(i).Set(deepCopy(v.Index(i)))
		}
	case reflect.Slice:
		if !v.IsNil() {
			out.Set(reflect.MakeSlice(v.Type(), v.Len(), v.Len()))
			if plain(v.Type().Elem().Kind()) {
				reflect.Copy(out, v)
				break
			}
			for i := range v.Len() {
				out.Index(i).Set(deepCopy(v.Index(i)))
			}
		}
	case reflect.Map:
		if !v.IsNil() {
			out.Set(reflect.MakeMapWithSize(v.Type(), v.Len()))
			iter := v.MapRange()
			for iter.Next() {
				out.SetMapIndex(deepCopy(iter.Key()), deepCopy(iter.Value()))
			}
		}
	default:
		out.Set(v)
	}
	return out
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	storeType   = reflect.TypeFor[*Store]()
	segmentType = reflect.TypeFor[*Segment]()
)

// plain says values of kind k hold nothing that a copy could share.
func plain(k reflect.Kind) bool {
	switch k {
	case reflect.Pointer, reflect.Struct, reflect.Slice, reflect.Map, reflect.Interface, reflect.Array, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return false
	}
	return true
}
