// sta-studio entry point (the studio shell is built in app/studio/).
int main() { return 0; }
