# The front door: `cmake --install` puts sta, sta-studio, the shipped models, a desktop entry
# and an icon under a prefix; `cpack -G DEB` packs the same files as a Debian package.
install(TARGETS sta RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES assets/demo.sta assets/demo.json assets/shapes.sta assets/shapes.json
        DESTINATION ${STA_MODELS_INSTALL_DIR})
if(STA_STUDIO)
  install(TARGETS sta-studio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES assets/sta-studio.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES assets/sta-studio.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sta-studio)
set(CPACK_PACKAGE_VENDOR "STA Studio")
set(CPACK_PACKAGE_CONTACT "STA Studio developers <sta-studio@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Train and explore Sparse Transformation Analysis models")
set(CPACK_PACKAGE_DESCRIPTION "STA Studio trains or loads sequence VAEs whose latent space moves \
along a few learned flow primitives, and shows what they learned: streamlines of each primitive's \
field, which primitives fire at each step, and decoded traversals beside the real sequences.")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The libraries it links come from dpkg-shlibdeps; BLAS (loaded by LibTorch) and the UI font are
# found at run time, so they are named here. The demo model's data is recommended.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread")
if(STA_STUDIO)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", fonts-dejavu-core")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist")
include(CPack)
