# One INTERFACE target carries the warning flags; every first-party target links it.
add_library(novbe_warnings INTERFACE)
target_compile_options(novbe_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wswitch-enum -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # g++ 12 warns on designated initializers that leave members to their defaults: our idiom.
    -Wno-missing-field-initializers
    # g++ 12 at -O2 reports `"literal" + std::string` as overlapping memcpy (GCC bug 105651).
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
    $<$<BOOL:${NOVBE_WERROR}>:-Werror>)
