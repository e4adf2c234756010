# Sanitizers apply to the whole build (libraries and tests alike), chosen by preset.
if(NOVBE_SANITIZE)
    set(novbe_san_flags -fsanitize=${NOVBE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_compile_options(${novbe_san_flags})
    add_link_options(${novbe_san_flags})
endif()
