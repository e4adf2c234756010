# Sanitizers apply to the whole build (libraries and tests alike), chosen by preset.
if(NOVBE_SANITIZE)
    set(novbe_san_flags -fsanitize=${NOVBE_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_compile_options(${novbe_san_flags})
    add_link_options(${novbe_san_flags})
endif()
if(NOVBE_SANITIZE MATCHES "thread")
    # Asio fences its handler memory with std::atomic_thread_fence, which TSan does not model;
    # g++ 12 warns about every such use (-Wtsan). TSan still checks everything else.
    add_compile_options(-Wno-tsan)
endif()
