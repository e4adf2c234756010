# One INTERFACE target carries the warning flags; every first-party target links it.
add_library(novbe_warnings INTERFACE)
target_compile_options(novbe_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wswitch-enum -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # g++ 12 warns on designated initializers that leave members to their defaults: our idiom.
    -Wno-missing-field-initializers
    $<$<BOOL:${NOVBE_WERROR}>:-Werror>)
