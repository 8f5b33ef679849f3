# The shape of the code, as docs/architecture.md draws it: the library
# (tui/lib) includes no terminal library and no interface header; no pane
# includes another pane's header or the loop's; the loop reaches a pane
# only through its header; the loop's state is private to its files;
# every library source is listed in one place.
. "$top_srcdir/tests/lib/tap.sh"

lib="$top_srcdir/tui/lib"
tui="$top_srcdir/tui"

# quoted includes of a file, one per line
includes() {
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$1"
}

for f in "$lib"/*.c "$lib"/*.h; do
	name=${f#"$top_srcdir"/}
	if grep -qi 'curses' "$f"; then
		ok 1 "$name: no curses"
		diag "$(grep -ni curses "$f")"
	else
		ok 0 "$name: no curses"
	fi
	bad=""
	for inc in $(includes "$f"); do
		case $inc in
		config.h) ;;
		*) [ -f "$lib/$inc" ] || bad="$bad $inc" ;;
		esac
	done
	is "$bad" "" "$name: includes only library headers"
done

for f in "$tui"/pane_*.c; do
	name=${f#"$top_srcdir"/}
	own=$(basename "$f" .c).h
	bad=""
	for inc in $(includes "$f"); do
		case $inc in
		"$own") ;;
		pane_*.h | ui.h | ui_*.h | screen.h | terminal.h | commands.h) bad="$bad $inc" ;;
		esac
	done
	is "$bad" "" "$name: no other pane's header, nor the loop's"
done

# the loop's state (ui_impl.h) is private to the loop's own files
bad=""
for f in "$tui"/*.c "$tui"/*.h; do
	case $(basename "$f") in
	ui.c | ui_*.c | ui_impl.h) continue ;;
	esac
	includes "$f" | grep -qx 'ui_impl.h' && bad="$bad ${f#"$top_srcdir"/}"
done
is "$bad" "" "ui_impl.h is included only by ui.c and the ui_*.c files"

# every .c in tui/lib is in the library's source list, so the rule above
# covers everything the library builds
for f in "$lib"/*.c; do
	name=tui/lib/$(basename "$f")
	if grep -q "$name" "$top_srcdir/Makefile.am"; then
		ok 0 "$name is built into the library"
	else
		ok 1 "$name is built into the library"
	fi
done

# the include guard of the library's build: curses.h cannot be included
if [ -f "$top_srcdir/build-aux/no-curses/curses.h" ] &&
   grep -q '#error' "$top_srcdir/build-aux/no-curses/curses.h"; then
	ok 0 "build-aux/no-curses makes an include of curses.h in tui/lib fail"
else
	ok 1 "build-aux/no-curses makes an include of curses.h in tui/lib fail"
fi

done_testing
