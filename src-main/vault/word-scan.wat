;; The word count of `countWordsUtf8` (word-count.ts) in WebAssembly SIMD, together
;; with the starts of the lines that hold `[`, `` ` `` or `~` (see `extractLinksUtf8`).
;; `npm run build:wasm` assembles this file into word-scan-wasm.ts; word-scan.ts runs it.
;;
;; The count is kept as "one per CJK character, plus one per run of non-separator
;; characters that holds a letter or digit", counted at the run's first letter: a
;; letter adds one when the last letter-or-separator before it was a separator (or
;; nothing). Separators are whitespace and CJK characters; other characters
;; (punctuation, `$`, `\`, `，`) change nothing. The one bit of state between steps is
;; `$letter`: whether the current run already holds a letter.
;;
;; Sixteen bytes at a time, a lane is classified by its byte and the two after it:
;; ASCII; a lead of a CJK ideograph or kana, of a CJK or general space, or of common
;; CJK and general punctuation and math operators; or a continuation byte (nothing).
;; A chunk with any other lead (Greek, emoji, Hangul, full-width letters...) is taken
;; character by character, each character's kind looked up in a table of the Basic
;; Multilingual Plane that the host fills on demand (`env.kindOf`, word-count.ts).
;;
;; Memory: [0, 65536) the kind table (0 unknown, 1 CJK, 2 space, 3 letter, 4 other);
;; the caller puts the input and room for the line starts (u32, relative to the input)
;; above it, and leaves 64 readable bytes after the input.
(module
  (import "env" "kindOf" (func $kindOf (param i32) (result i32)))
  (memory (export "memory") 2)

  ;; Line starts written by the last `scan`.
  (global $marked (mut i32) (i32.const 0))
  (func (export "marked") (result i32) (global.get $marked))

  ;; Counts the words of the UTF-8 at [$in, $in + $len), which must be valid and
  ;; start at a line start, and writes the line starts to $marks.
  (func (export "scan") (param $in i32) (param $len i32) (param $marks i32) (result i32)
    (local $p i32) (local $end i32) (local $stop i32) (local $count i32) (local $letter i32)
    (local $lineStart i32) (local $lastMarked i32) (local $m i32)
    (local $b i32) (local $code i32) (local $kind i32)
    (local $v v128) (local $v1 v128) (local $v2 v128) (local $ws v128) (local $alnum v128)
    (local $cjk v128) (local $space v128) (local $other v128) (local $eqE3 v128) (local $eqE2 v128)
    (local $s i32) (local $l i32) (local $e i32) (local $n i32) (local $k i32) (local $t i32) (local $q i32)
    (local.set $p (local.get $in))
    (local.set $end (i32.add (local.get $in) (local.get $len)))
    (local.set $lineStart (local.get $in))
    (local.set $lastMarked (i32.const -1))
    (local.set $m (local.get $marks))
    (loop $main
     (block $finished
      (loop $chunks
        ;; Sixteen bytes plus the two after the last lane must be input.
        (if (i32.gt_u (i32.add (local.get $p) (i32.const 18)) (local.get $end))
          (then
            (local.set $stop (local.get $end))
            (br $finished)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $ws (i8x16.le_u (local.get $v) (i8x16.splat (i32.const 0x20))))
        (local.set $alnum (v128.or
          (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10)))
          (i8x16.lt_u (i8x16.sub (v128.or (local.get $v) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61))) (i8x16.splat (i32.const 26)))))
        (if (i8x16.bitmask (local.get $v))
          (then
            (local.set $v1 (v128.load offset=1 (local.get $p)))
            (local.set $v2 (v128.load offset=2 (local.get $p)))
            (local.set $eqE3 (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xe3))))
            (local.set $eqE2 (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xe2))))
            ;; U+4000-9FFF but the Yijing symbols U+4DC0-4DFF (E4 B7); kana U+3040-30FF
            ;; (E3 81-83); Extension A U+3400-3FFF (E3 90-BF); U+3005 and U+3007.
            (local.set $cjk (v128.or (v128.or
              (i8x16.lt_u (i8x16.sub (local.get $v) (i8x16.splat (i32.const 0xe5))) (i8x16.splat (i32.const 5)))
              (v128.andnot
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xe4)))
                (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0xb7)))))
              (v128.and (local.get $eqE3) (v128.or (v128.or
                (i8x16.lt_u (i8x16.sub (local.get $v1) (i8x16.splat (i32.const 0x81))) (i8x16.splat (i32.const 3)))
                (i8x16.ge_u (local.get $v1) (i8x16.splat (i32.const 0x90))))
                (v128.and
                  (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x80)))
                  (v128.or
                    (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x85)))
                    (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x87)))))))))
            ;; U+3000 (E3 80 80); U+2000-200B, U+2028, U+2029 (E2 80 80-8B, A8, A9).
            (local.set $space (v128.and
              (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x80)))
              (v128.or
                (v128.and (local.get $eqE3) (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x80))))
                (v128.and (local.get $eqE2) (v128.or
                  (i8x16.le_u (local.get $v2) (i8x16.splat (i32.const 0x8b)))
                  (i8x16.lt_u (i8x16.sub (local.get $v2) (i8x16.splat (i32.const 0xa8))) (i8x16.splat (i32.const 2))))))))
            ;; The rest of U+3000-303F and U+2000-203F, math operators U+2200-22FF
            ;; (E2 88-8B), full-width punctuation U+FF00-FF0F and U+FF1A-FF20 (EF BC).
            (local.set $other (v128.or (v128.or
              (v128.and
                (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x80)))
                (v128.or (local.get $eqE3) (local.get $eqE2)))
              (v128.and (local.get $eqE2)
                (i8x16.lt_u (i8x16.sub (local.get $v1) (i8x16.splat (i32.const 0x88))) (i8x16.splat (i32.const 4)))))
              (v128.and (v128.and
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xef)))
                (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0xbc))))
                (v128.or
                  (i8x16.le_u (local.get $v2) (i8x16.splat (i32.const 0x8f)))
                  (i8x16.lt_u (i8x16.sub (local.get $v2) (i8x16.splat (i32.const 0x9a))) (i8x16.splat (i32.const 7)))))))
            (if (i8x16.bitmask (v128.andnot
                  (i8x16.ge_u (local.get $v) (i8x16.splat (i32.const 0xc0)))
                  (v128.or (v128.or (local.get $cjk) (local.get $space)) (local.get $other))))
              (then
                ;; A lead this chunk cannot classify: take these bytes one character at a time.
                (local.set $stop (i32.add (local.get $p) (i32.const 16)))
                (br $finished)))
            (local.set $count (i32.add (local.get $count) (i32.popcnt (i8x16.bitmask (local.get $cjk)))))
            (local.set $s (i8x16.bitmask (v128.or (v128.or (local.get $ws) (local.get $cjk)) (local.get $space)))))
          (else
            (local.set $s (i8x16.bitmask (local.get $ws)))))
        (local.set $l (i8x16.bitmask (local.get $alnum)))
        ;; A letter starts a counted run when the event before it (separator or letter)
        ;; is a separator: carry a bit from just after each separator (and from lane 0
        ;; when the run so far has no letter) across the lanes without events; it lands
        ;; on the next event.
        (local.set $e (i32.or (local.get $s) (local.get $l)))
        (local.set $t (i32.or (i32.shl (local.get $s) (i32.const 1)) (i32.xor (local.get $letter) (i32.const 1))))
        (local.set $count (i32.add (local.get $count) (i32.popcnt (i32.and
          (i32.and (i32.add (i32.xor (local.get $e) (i32.const 0xffff)) (local.get $t)) (local.get $e))
          (local.get $l)))))
        (if (local.get $e)
          (then
            (local.set $letter (i32.and
              (i32.shr_u (local.get $l) (i32.sub (i32.const 31) (i32.clz (local.get $e))))
              (i32.const 1)))))
        (local.set $n (i8x16.bitmask (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0a)))))
        (local.set $k (i8x16.bitmask (v128.or (v128.or
          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5b)))
          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x60))))
          (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x7e))))))
        (block $noMarks
          (loop $eachMark
            (br_if $noMarks (i32.eqz (local.get $k)))
            (local.set $q (i32.ctz (local.get $k)))
            ;; The newlines before this markup character, the last of which starts its line.
            (local.set $t (i32.and (local.get $n) (i32.sub (i32.shl (i32.const 1) (local.get $q)) (i32.const 1))))
            (if (local.get $t)
              (then (local.set $lineStart (i32.sub (i32.add (local.get $p) (i32.const 32)) (i32.clz (local.get $t))))))
            (if (i32.ne (local.get $lineStart) (local.get $lastMarked))
              (then
                (i32.store (local.get $m) (i32.sub (local.get $lineStart) (local.get $in)))
                (local.set $m (i32.add (local.get $m) (i32.const 4)))
                (local.set $lastMarked (local.get $lineStart))))
            ;; Skip the rest of this line's markup characters.
            (local.set $t (i32.and (local.get $n) (i32.xor (i32.sub (i32.shl (i32.const 2) (local.get $q)) (i32.const 1)) (i32.const -1))))
            (local.set $k (if (result i32) (local.get $t)
              (then (i32.and (local.get $k) (i32.xor (i32.sub (i32.shl (i32.const 1) (i32.ctz (local.get $t))) (i32.const 1)) (i32.const -1))))
              (else (i32.const 0))))
            (br $eachMark)))
        (if (local.get $n)
          (then (local.set $lineStart (i32.sub (i32.add (local.get $p) (i32.const 32)) (i32.clz (local.get $n))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $chunks)))
      ;; One character at a time up to $stop (the end, or the end of a chunk SIMD could
      ;; not take), then back to chunks unless this was the end.
        ;; Continuation bytes here belong to a character a chunk already counted.
        (block $aligned
          (loop $skip
            (br_if $aligned (i32.ge_u (local.get $p) (local.get $end)))
            (br_if $aligned (i32.ne (i32.and (i32.load8_u (local.get $p)) (i32.const 0xc0)) (i32.const 0x80)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $skip)))
        (block $chars
          (loop $eachChar
            (br_if $chars (i32.ge_u (local.get $p) (local.get $stop)))
            (local.set $b (i32.load8_u (local.get $p)))
            (if (i32.lt_u (local.get $b) (i32.const 0x80))
              (then
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (if (i32.le_u (local.get $b) (i32.const 0x20))
                  (then
                    (local.set $letter (i32.const 0))
                    (if (i32.eq (local.get $b) (i32.const 0x0a)) (then (local.set $lineStart (local.get $p)))))
                  (else
                    (if (i32.and
                          (i32.eqz (local.get $letter))
                          (i32.or
                            (i32.lt_u (i32.sub (local.get $b) (i32.const 0x30)) (i32.const 10))
                            (i32.lt_u (i32.sub (i32.or (local.get $b) (i32.const 0x20)) (i32.const 0x61)) (i32.const 26))))
                      (then
                        (local.set $count (i32.add (local.get $count) (i32.const 1)))
                        (local.set $letter (i32.const 1))))
                    (if (i32.and
                          (i32.ne (local.get $lineStart) (local.get $lastMarked))
                          (i32.or (i32.or
                            (i32.eq (local.get $b) (i32.const 0x5b))
                            (i32.eq (local.get $b) (i32.const 0x60)))
                            (i32.eq (local.get $b) (i32.const 0x7e))))
                      (then
                        (i32.store (local.get $m) (i32.sub (local.get $lineStart) (local.get $in)))
                        (local.set $m (i32.add (local.get $m) (i32.const 4)))
                        (local.set $lastMarked (local.get $lineStart))))))
                (br $eachChar)))
            (if (i32.lt_u (local.get $b) (i32.const 0xe0))
              (then
                (local.set $code (i32.or
                  (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                  (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f))))
                (local.set $p (i32.add (local.get $p) (i32.const 2))))
              (else
                (if (i32.lt_u (local.get $b) (i32.const 0xf0))
                  (then
                    (local.set $code (i32.or (i32.or
                      (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                      (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 6)))
                      (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f))))
                    (local.set $p (i32.add (local.get $p) (i32.const 3))))
                  (else
                    (local.set $code (i32.or (i32.or (i32.or
                      (i32.shl (i32.and (local.get $b) (i32.const 0x07)) (i32.const 18))
                      (i32.shl (i32.and (i32.load8_u offset=1 (local.get $p)) (i32.const 0x3f)) (i32.const 12)))
                      (i32.shl (i32.and (i32.load8_u offset=2 (local.get $p)) (i32.const 0x3f)) (i32.const 6)))
                      (i32.and (i32.load8_u offset=3 (local.get $p)) (i32.const 0x3f))))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))))))
            (if (i32.gt_u (local.get $code) (i32.const 0xffff))
              (then
                ;; Planes 2 and 3 are CJK ideographs (Extensions B-H); nothing else up there is a letter.
                (local.set $kind (select (i32.const 1) (i32.const 4)
                  (i32.lt_u (i32.sub (local.get $code) (i32.const 0x20000)) (i32.const 0x20000)))))
              (else
                (local.set $kind (i32.load8_u (local.get $code)))
                (if (i32.eqz (local.get $kind))
                  (then
                    (local.set $kind (call $kindOf (local.get $code)))
                    (i32.store8 (local.get $code) (local.get $kind))))))
            (if (i32.eq (local.get $kind) (i32.const 1))
              (then
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $letter (i32.const 0)))
              (else
                (if (i32.eq (local.get $kind) (i32.const 2))
                  (then (local.set $letter (i32.const 0)))
                  (else
                    (if (i32.and (i32.eq (local.get $kind) (i32.const 3)) (i32.eqz (local.get $letter)))
                      (then
                        (local.set $count (i32.add (local.get $count) (i32.const 1)))
                        (local.set $letter (i32.const 1))))))))
            (br $eachChar)))
        ;; Back to chunks, which hand over again at the end or at the next chunk they cannot take.
        (br_if $main (i32.lt_u (local.get $p) (local.get $end))))
    (global.set $marked (i32.shr_u (i32.sub (local.get $m) (local.get $marks)) (i32.const 2)))
    (local.get $count))
)
